package th.go.municipal.publication.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;

/**
 * Camunda's REST API at {@code /engine-rest}: HTTP basic authentication (so authorization checks
 * apply to every call) and the contract's JSON errors in place of Camunda's own.
 */
@Configuration
class RestApiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RestApiConfiguration.class);

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-authentication");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    // Before the filters that ask the engine who calls (identity.StaffRecords).
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /** The Jersey application of the REST API, with our exception mappers added. */
  @Component
  @ApplicationPath("/engine-rest")
  static class EngineRestJerseyConfig extends CamundaJerseyResourceConfig {

    private final LostRaces races;

    EngineRestJerseyConfig(LostRaces races) {
      this.races = races;
    }

    /**
     * Camunda's resources and configuration, with {@link SharedRestObjectMapper} in place of
     * Camunda's {@code JacksonConfigurator}: Jersey asks the resolvers in the order they were
     * registered, whatever their priority, and Camunda's answers every request with a new mapper.
     */
    @Override
    protected void registerCamundaRestResources() {
      registerClasses(CamundaRestResources.getResourceClasses());
      registerClasses(
          SharedRestObjectMapper.inPlaceOfCamundas(CamundaRestResources.getConfigurationClasses()));
      register(JacksonFeature.class);
    }

    @Override
    protected void registerAdditionalResources() {
      register(new AnyFailure(races));
      register(new EngineFailure(races));
      register(new RestFailure(races));
      register(JsonMappingFailure.class);
      register(JsonParseFailure.class);
    }
  }

  static Response toResponse(Throwable failure, LostRaces races) {
    Optional<ApiError> lost = races.lostRace(failure);
    if (lost.isPresent()) {
      return json(409, lost.get());
    }
    return toResponse(failure);
  }

  static Response toResponse(Throwable failure) {
    ApiErrors.Translated translated = ApiErrors.translate(failure);
    if (translated.status() >= 500) {
      log.error("Engine REST call failed", failure);
    } else {
      log.debug("Engine REST call refused: {}", failure.getMessage());
    }
    return json(translated.status(), translated.body());
  }

  private static Response json(int status, ApiError body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  // Jersey picks the mapper of the nearest exception type, then the highest priority (lowest
  // number); Camunda registers mappers for each of these types, so each gets one of ours.

  /** Any failure. */
  @Priority(1)
  public static class AnyFailure implements ExceptionMapper<Throwable> {
    private final LostRaces races;

    AnyFailure(LostRaces races) {
      this.races = races;
    }

    @Override
    public Response toResponse(Throwable failure) {
      return RestApiConfiguration.toResponse(failure, races);
    }
  }

  /** Engine failures, including ours thrown from listeners. */
  @Priority(1)
  public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {
    private final LostRaces races;

    EngineFailure(LostRaces races) {
      this.races = races;
    }

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return RestApiConfiguration.toResponse(failure, races);
    }
  }

  /** Failures raised by the REST layer itself (unknown ids, bad parameters). */
  @Priority(1)
  public static class RestFailure implements ExceptionMapper<RestException> {
    private final LostRaces races;

    RestFailure(LostRaces races) {
      this.races = races;
    }

    @Override
    public Response toResponse(RestException failure) {
      return RestApiConfiguration.toResponse(failure, races);
    }
  }

  /** JSON the REST layer cannot map. */
  @Priority(1)
  public static class JsonMappingFailure implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException failure) {
      return RestApiConfiguration.toResponse(
          new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
              Response.Status.BAD_REQUEST, failure.getOriginalMessage()));
    }
  }

  /** Text that is not JSON. */
  @Priority(1)
  public static class JsonParseFailure implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException failure) {
      return RestApiConfiguration.toResponse(
          new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
              Response.Status.BAD_REQUEST, failure.getOriginalMessage()));
    }
  }
}
