package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;

/**
 * Issue 8, point 7, on the running server: a wrong method or media type on {@code /api} is a 4xx
 * JSON error logged as the client's mistake, X-Forwarded-For is believed only from the configured
 * proxies, and the embedded database listens on no port. Also the security headers (HSTS behind
 * https, frame options, referrer policy, a content security policy on every page of ours).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class QuietEdgesTests {

  @Autowired TestRestTemplate rest;

  @Autowired ServletWebServerApplicationContext server;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aWrongMethodOrMediaTypeOnTheApiIsAClientErrorWithoutAStackTrace(CapturedOutput output)
      throws Exception {
    EngineRestClient webmaster = new EngineRestClient(rest.getRootUri(), "webmaster");

    HttpResponse<String> method = webmaster.send("DELETE", "/api/units", null);
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.headers().firstValue("Allow")).hasValueSatisfying(a -> a.contains("GET"));
    assertError(method, "method_not_allowed");

    HttpResponse<String> mediaType =
        webmaster.sendBytes(
            "POST", "/api/published/PR-2500-0001/withdraw", "เหตุผล".getBytes(), "text/plain");
    assertThat(mediaType.statusCode()).isEqualTo(415);
    assertError(mediaType, "unsupported_media_type");

    HttpResponse<String> notJson =
        webmaster.sendBytes(
            "POST",
            "/api/published/PR-2500-0001/withdraw",
            "{reason".getBytes(),
            "application/json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertError(notJson, "invalid");

    assertThat(output)
        .contains("Refused DELETE /api/units with 405")
        .contains("Refused POST /api/published/PR-2500-0001/withdraw with 415")
        .doesNotContain("Request failed");
  }

  @Test
  void xForwardedForIsBelievedOnlyFromTheConfiguredProxies() {
    RemoteIpValve valve =
        Arrays.stream(
                ((TomcatWebServer) server.getWebServer())
                    .getTomcat()
                    .getEngine()
                    .getPipeline()
                    .getValves())
            .filter(RemoteIpValve.class::isInstance)
            .map(RemoteIpValve.class::cast)
            .findFirst()
            .orElseThrow();
    String trusted = valve.getInternalProxies();

    assertThat("127.0.0.1").matches(trusted);
    assertThat("0:0:0:0:0:0:0:1").matches(trusted);
    for (String privateAddress : new String[] {"10.0.0.5", "192.168.1.10", "172.16.0.1"}) {
      assertThat(privateAddress).as("a private address is not a proxy").doesNotMatch(trusted);
    }
    assertThat(valve.getProtocolHeader()).isEqualTo("X-Forwarded-Proto");
  }

  @Test
  void theEmbeddedDatabaseListensOnNoPort() {
    assertThat(embeddedDatabaseUrl())
        .startsWith("jdbc:h2:file:")
        .doesNotContainIgnoringCase("AUTO_SERVER");
  }

  @Test
  void theEmbeddedDatabaseIsClosedByTheServiceNotByH2AtTheJvmsExit() {
    assertThat(embeddedDatabaseUrl()).contains(";DB_CLOSE_ON_EXIT=FALSE");
  }

  /** The database address of application.yml, the embedded default. */
  private static String embeddedDatabaseUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return yaml.getObject().getProperty("spring.datasource.url");
  }

  @Test
  void everyPageOfOursCarriesTheSecurityHeaders() throws Exception {
    for (String path :
        new String[] {"/", "/feedback", "/search?q=x", "/no-such-page", "/api/units"}) {
      HttpResponse<String> page = get(path);
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(p -> assertThat(p).contains("default-src 'self'"));
      assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
      assertThat(page.headers().firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(page.headers().firstValue("Strict-Transport-Security"))
          .as(path + " over plain http")
          .isEmpty();
    }
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/");
    assertThat(tasklist.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(tasklist.headers().firstValue("Content-Security-Policy"))
        .as("Camunda's own for its webapps")
        .hasValueSatisfying(p -> assertThat(p).contains("script-src"));
  }

  @Test
  void behindHttpsBrowsersAreToldToStayOnHttps() throws Exception {
    for (String path : new String[] {"/", "/camunda/app/tasklist/", "/engine-rest/version"}) {
      HttpResponse<String> secure =
          client.send(
              HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
                  .header("X-Forwarded-Proto", "https")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(secure.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(rest.getRootUri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, String code) throws Exception {
    JsonNode error = EngineRestClient.json(response.body());
    assertThat(error.get("error").asText()).as(response.body()).isEqualTo(code);
    assertThat(error.get("message").asText()).containsPattern("[ก-๙]");
    assertThat(response.body()).doesNotContain("Exception");
  }
}
