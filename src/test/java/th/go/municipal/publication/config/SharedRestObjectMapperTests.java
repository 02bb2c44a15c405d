package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.StaffClient;
import th.go.municipal.publication.WebappBrowser;

/**
 * Camunda's REST API and the webapps' engine API write their answers with one shared mapper, not a
 * new one per request (whose serializers Jackson would build again every time), and it writes dates
 * as Camunda's own mapper does.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class SharedRestObjectMapperTests {

  @LocalServerPort int port;

  private final ObjectMapper shared = new SharedRestObjectMapper().getContext(Object.class);

  /** The shared mapper's serializers, built once per type and kept. */
  private DefaultSerializerProvider serializers() {
    return (DefaultSerializerProvider) shared.getSerializerProvider();
  }

  @Test
  void everyResolutionGetsTheSameMapperConfiguredWithCamundasDateFormat() {
    assertThat(new SharedRestObjectMapper().getContext(String.class)).isSameAs(shared);
    assertThat(shared.getDateFormat()).isInstanceOf(SimpleDateFormat.class);
    assertThat(((SimpleDateFormat) shared.getDateFormat()).toPattern())
        .isEqualTo("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  }

  @Test
  void theEngineRestApiWritesItsAnswersWithTheSharedMapper() throws Exception {
    serializers().flushCachedSerializers();

    HttpResponse<String> tasks =
        new StaffClient("http://localhost:" + port)
            .get("head.clerk", "/engine-rest/task?maxResults=15");

    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(serializers().cachedSerializersCount())
        .as("serializers the shared mapper built for the answer")
        .isPositive();
  }

  @Test
  void tasklistsEngineApiWritesItsAnswersWithTheSharedMapper() throws Exception {
    WebappBrowser head = new WebappBrowser("http://localhost:" + port);
    assertThat(head.logIn("head.clerk", "demo")).isEqualTo(200);
    serializers().flushCachedSerializers();

    HttpResponse<String> tasks = head.get("/camunda/api/engine/engine/default/task?maxResults=15");

    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(serializers().cachedSerializersCount())
        .as("serializers the shared mapper built for the answer")
        .isPositive();
  }
}
