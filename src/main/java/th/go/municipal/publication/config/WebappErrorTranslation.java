package th.go.municipal.publication.config;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.web.context.support.WebApplicationContextUtils;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * The contract's JSON errors for refusals in the webapps' own REST API ({@code
 * /camunda/api/engine}, what Tasklist calls). Camunda answers a refusal thrown by one of our
 * listeners there with a 500 that hides the Thai message; {@code /engine-rest} takes our exception
 * mappers through its Jersey configuration, Camunda's application class for the webapps does not.
 * So {@link WebappEngineApi} adds these: a refusal becomes its 400/403/404/409 and Thai message, a
 * lost race (the task claimed or completed by someone else a moment earlier) a 409 with a Thai
 * message, every other failure keeps Camunda's own answer, which the webapps know how to show.
 */
final class WebappErrorTranslation {

  private WebappErrorTranslation() {}

  /**
   * Our refusal or a lost race (someone else claimed or completed the task a moment earlier) as the
   * contract's error, anything else exactly as Camunda answers it.
   */
  static Response refusalOrCamunda(Throwable failure, ServletContext context) {
    InputRejectedException refusal = ApiErrors.find(failure, InputRejectedException.class);
    if (refusal != null) {
      ApiErrors.Translated translated = ApiErrors.translate(refusal);
      return json(translated.status(), translated.body());
    }
    ApiError conflict = ApiErrors.conflict(failure);
    if (conflict == null) {
      // Jersey creates these mappers itself; the application's beans are reached through the
      // servlet context they run in.
      conflict =
          WebApplicationContextUtils.getRequiredWebApplicationContext(context)
              .getBean(LostRaces.class)
              .lostRace(failure)
              .orElse(null);
    }
    if (conflict != null) {
      return json(409, conflict);
    }
    return ExceptionHandlerHelper.getInstance().getResponse(failure);
  }

  private static Response json(int status, ApiError body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  // Jersey picks the mapper of the nearest exception type, then the highest priority (lowest
  // number); Camunda registers one for each of these types, so each gets one of ours.

  /** Engine failures, including refusals thrown by our listeners inside the engine. */
  @Priority(1)
  public static class RefusalOrEngineFailure implements ExceptionMapper<ProcessEngineException> {
    @Context private ServletContext context;

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return refusalOrCamunda(failure, context);
    }
  }

  /** The REST layer's wrapping of an engine failure (start and task forms). */
  @Priority(1)
  public static class RefusalOrRestFailure implements ExceptionMapper<RestException> {
    @Context private ServletContext context;

    @Override
    public Response toResponse(RestException failure) {
      return refusalOrCamunda(failure, context);
    }
  }

  /** Anything else that carries a refusal. */
  @Priority(1)
  public static class RefusalOrAnyFailure implements ExceptionMapper<Throwable> {
    @Context private ServletContext context;

    @Override
    public Response toResponse(Throwable failure) {
      return refusalOrCamunda(failure, context);
    }
  }
}
