package th.go.municipal.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The baseline as a separate process: Camunda 7.24's Spring Boot starters (engine, webapps, REST)
 * with nothing of the service, started from the service's own jar (same libraries, same JVM
 * settings) with its own configuration, {@code bare-engine.yml}: H2, history full, Camunda's
 * defaults otherwise (no authorization checks), HTTP basic authentication on {@code /engine-rest}
 * as the service has it. At start it deploys {@link BareModel}, creates the demo users and the
 * Tasklist filter "My group tasks" in the service's shape.
 */
@SpringBootApplication
public class BareEngineApplication {

  static final String GROUP_TASKS_FILTER = "งานของกลุ่มฉัน (My group tasks)";

  public static void main(String[] args) {
    builder().run(args);
  }

  static SpringApplicationBuilder builder() {
    // Never the service's application.yml, which is in the same jar.
    System.setProperty("spring.config.name", "bare-engine");
    return new SpringApplicationBuilder(BareEngineApplication.class);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  ApplicationRunner setUp(ProcessEngine engine) {
    return args -> {
      engine
          .getRepositoryService()
          .createDeployment()
          .name("bare")
          .enableDuplicateFiltering(true)
          .addModelInstance("bare-request.bpmn", BareModel.create())
          .deploy();
      Staff.createDemoUsers(engine.getIdentityService());
      FilterService filters = engine.getFilterService();
      if (filters.createFilterQuery().filterName(GROUP_TASKS_FILTER).count() == 0) {
        Filter filter = filters.newTaskFilter(GROUP_TASKS_FILTER);
        filter.setQuery(
            engine
                .getTaskService()
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        filter.setProperties(
            Map.of(
                "priority",
                -10,
                "refresh",
                true,
                "variables",
                List.of(
                    Map.of("name", "title", "label", "หัวข้อเรื่อง (Title)"),
                    Map.of("name", "unitName", "label", "หน่วยงาน (Unit)"),
                    Map.of("name", "subject", "label", "เรื่อง (Subject)"))));
        filters.saveFilter(filter);
      }
    };
  }
}
