package th.go.municipal.publication.config;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves {@link WebappEngineApi} at the webapps' engine API. The webapp starter registers its
 * servlets by name and leaves a name that is already taken alone, so ours is registered under its
 * name and before it; a check after every servlet is registered stops the start if the starter's
 * own won all the same (Tasklist would then show server errors instead of our refusals).
 */
@Configuration
class WebappEngineApiRegistration {

  /** The starter's name for the servlet of the webapps' engine API. */
  static final String SERVLET_NAME = "Engine Api";

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(CamundaBpmProperties camunda) {
    ServletRegistrationBean<ServletContainer> registration =
        new ServletRegistrationBean<>(
            new ServletContainer(), camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    registration.addInitParameter(
        ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
    // The starter's initializer has no order of its own, that is the lowest.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Initializers given to the server factory run after those of the application's beans. */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webappEngineApiCheck() {
    return factory -> factory.addInitializers(WebappEngineApiRegistration::check);
  }

  static void check(ServletContext context) {
    ServletRegistration servlet = context.getServletRegistration(SERVLET_NAME);
    String application =
        servlet == null
            ? null
            : servlet.getInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS);
    if (!WebappEngineApi.class.getName().equals(application)) {
      throw new IllegalStateException(
          "The webapps' engine API is served by "
              + application
              + ", not "
              + WebappEngineApi.class.getName()
              + ": Tasklist would show server errors instead of our refusals");
    }
  }
}
