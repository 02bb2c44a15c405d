package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import th.go.municipal.publication.PublicationApplication;

/**
 * The production profile refuses to start with the demo users or with a database password or form
 * key that is missing, a default or too short; with proper secrets it lets the node start.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTests {

  private static final String STRONG_PASSWORD = "k7Qm-2vXr-9pLw";
  private static final String STRONG_KEY = "y2V3n8Q0cT5aZ1pL6sR9wE4uH7mK3bD0";

  @Test
  void theServiceStartedWithoutADatabasePasswordStopsAndSaysWhatIsMissing(CapturedOutput output) {
    ProductionSettingsRefused refused =
        catchThrowableOfType(
            ProductionSettingsRefused.class,
            () ->
                new SpringApplicationBuilder(PublicationApplication.class)
                    .profiles("postgres")
                    .properties("INQUIRY_SECRET=" + STRONG_KEY, "server.port=0")
                    .run());

    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0)).contains("DB_PASSWORD").contains("missing");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("DB_PASSWORD");
  }

  @Test
  void theDemoProfileIsRefusedBesideTheProductionOne() {
    assertThat(refusals(settings(STRONG_PASSWORD, STRONG_KEY), "postgres", "demo"))
        .singleElement()
        .asString()
        .contains("never creates demo users");
  }

  @Test
  void demoUsersConfiguredByHandAreRefusedToo() {
    Map<String, Object> settings = settings(STRONG_PASSWORD, STRONG_KEY);
    settings.put("demo.users[0].id", "webmaster");

    assertThat(refusals(settings, "postgres")).singleElement().asString().contains("demo users");
  }

  @Test
  void defaultAndShortSecretsAreRefused() {
    assertThat(refusals(settings("postgres", STRONG_KEY), "postgres"))
        .singleElement()
        .asString()
        .contains("DB_PASSWORD")
        .contains("default");
    assertThat(refusals(settings("Demo", STRONG_KEY), "postgres"))
        .singleElement()
        .asString()
        .contains("default");
    assertThat(refusals(settings(STRONG_PASSWORD, "short-key"), "postgres"))
        .singleElement()
        .asString()
        .contains("INQUIRY_SECRET")
        .contains("at least 32");
    Map<String, Object> demoAdmin = settings(STRONG_PASSWORD, STRONG_KEY);
    demoAdmin.put("camunda.bpm.admin-user.id", "admin");
    demoAdmin.put("camunda.bpm.admin-user.password", "demo");
    assertThat(refusals(demoAdmin, "postgres"))
        .singleElement()
        .asString()
        .contains("CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThat(refusals(new HashMap<>(), "postgres", "demo")).hasSize(3);
  }

  @Test
  void strongSecretsLetTheNodeStart() {
    assertThatNoException()
        .isThrownBy(() -> process(settings(STRONG_PASSWORD, STRONG_KEY), "postgres"));
  }

  @Test
  void withoutTheProductionProfileNothingIsChecked() {
    assertThatNoException().isThrownBy(() -> process(new HashMap<>(), "demo"));
  }

  private static Map<String, Object> settings(String databasePassword, String formKey) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("spring.datasource.password", databasePassword);
    settings.put("publication.inquiry.secret", formKey);
    return settings;
  }

  private static java.util.List<String> refusals(Map<String, Object> settings, String... profiles) {
    return catchThrowableOfType(ProductionSettingsRefused.class, () -> process(settings, profiles))
        .problems();
  }

  private static void process(Map<String, Object> settings, String... profiles) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
    environment.setActiveProfiles(profiles);
    new ProductionSettings().postProcessEnvironment(environment, new SpringApplication());
  }
}
