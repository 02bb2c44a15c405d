package th.go.municipal.publication.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * One JSON mapper for Camunda's REST API ({@code /engine-rest}), configured as Camunda configures
 * its own. Camunda's {@link JacksonConfigurator} hands out a new mapper at every resolution, that
 * is several times per request, so Jackson built its serializers and deserializers anew for every
 * answer: on Tasklist's "My group tasks" page at 10,000 waiting tasks, 14 % of the time went to
 * building the task query's deserializer alone (issue 12, JFR). A configured mapper is safe to
 * share between threads. It takes the place of Camunda's in {@code RestApiConfiguration} and in
 * {@link WebappEngineApi} (what Tasklist calls): Jersey asks the resolvers in the order they were
 * registered, whatever their priority, so Camunda's is left out rather than outranked.
 */
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER =
      JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  /**
   * Camunda's provider classes with this one in place of its {@code JacksonConfigurator}, in their
   * order and then this one's.
   */
  static Set<Class<?>> inPlaceOfCamundas(Collection<Class<?>> camundas) {
    Set<Class<?>> classes = new LinkedHashSet<>(camundas);
    classes.remove(JacksonConfigurator.class);
    classes.add(SharedRestObjectMapper.class);
    return classes;
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }
}
