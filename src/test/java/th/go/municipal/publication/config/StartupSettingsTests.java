package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The start-up settings of issue 12 stay in the service's own configuration: a start neither checks
 * every table against the entities nor builds every repository before its first answer, while the
 * tests still check the entities against the tables Flyway makes. They were once lost unnoticed
 * when application.yml was merged from a branch that predated them.
 */
class StartupSettingsTests {

  @Test
  void theServiceStartsWithoutValidatingTablesAndMakesRepositoriesWhenFirstUsed()
      throws IOException {
    PropertySource<?> service = load("application.yml");

    assertThat(service.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
    assertThat(service.getProperty("spring.data.jpa.repositories.bootstrap-mode"))
        .isEqualTo("lazy");
  }

  @Test
  void theTestsStillValidateTheEntitiesAgainstTheTables() throws IOException {
    assertThat(load("application-test.yml").getProperty("spring.jpa.hibernate.ddl-auto"))
        .isEqualTo("validate");
  }

  private static PropertySource<?> load(String file) throws IOException {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    assertThat(documents).as(file).hasSize(1);
    return documents.get(0);
  }
}
