package th.go.municipal.publication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The municipal web-publication workflow service: engine, webapps, REST API and website in one. */
// Spring Security guards /api only; identity.ApiSecurity maps its filter there instead of to every
// path as this auto-configuration would.
@SpringBootApplication(exclude = SecurityFilterAutoConfiguration.class)
@ConfigurationPropertiesScan
public class PublicationApplication {

  public static void main(String[] args) {
    SpringApplication.run(PublicationApplication.class, args);
  }
}
