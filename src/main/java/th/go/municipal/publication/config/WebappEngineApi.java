package th.go.municipal.publication.config;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;

/**
 * The webapps' engine API ({@code /camunda/api/engine}, what Tasklist and Cockpit call): Camunda's
 * own application for it, with two changes.
 *
 * <ul>
 *   <li>Our refusal mappers ({@link WebappErrorTranslation}): a refusal thrown by one of our
 *       listeners reaches the webapps with its status and Thai message, not as a 500.
 *   <li>{@link SharedRestObjectMapper} in place of Camunda's {@code JacksonConfigurator}, which
 *       hands out a new JSON mapper at every resolution, so that Jackson built its serializers and
 *       deserializers anew for every answer (issue 12: 14 % of Tasklist's "My group tasks" page at
 *       10,000 waiting tasks went to building the task query's deserializer).
 * </ul>
 *
 * <p>{@link WebappEngineApiRegistration} serves it under the servlet name the webapp starter uses,
 * before the starter registers Camunda's.
 */
public class WebappEngineApi extends EngineRestApplication {

  /** Our refusal mappers, after Camunda's providers. */
  static final List<Class<?>> REFUSAL_MAPPERS =
      List.of(
          WebappErrorTranslation.RefusalOrEngineFailure.class,
          WebappErrorTranslation.RefusalOrRestFailure.class,
          WebappErrorTranslation.RefusalOrAnyFailure.class);

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = SharedRestObjectMapper.inPlaceOfCamundas(super.getClasses());
    classes.addAll(REFUSAL_MAPPERS);
    return classes;
  }
}
