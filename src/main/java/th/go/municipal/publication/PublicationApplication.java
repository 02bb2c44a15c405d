package th.go.municipal.publication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The municipal web-publication workflow service: engine, webapps, REST API and website in one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublicationApplication {

  public static void main(String[] args) {
    SpringApplication.run(PublicationApplication.class, args);
  }
}
