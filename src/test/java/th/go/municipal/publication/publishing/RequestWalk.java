package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Staff walking a request through the three signed steps over the application's HTTP API, as demo
 * users with basic authentication: Camunda's REST API for the engine of this test application
 * ({@code /engine-rest/engine/<name>}, since each test application has its own engine) and {@code
 * /api} for the request and its publication.
 */
final class RequestWalk {

  private final TestRestTemplate rest;
  private final String engineRest;
  private final ObjectMapper json = new ObjectMapper();

  RequestWalk(TestRestTemplate rest, String engineName) {
    this.rest = rest;
    this.engineRest = "/engine-rest/engine/" + engineName;
  }

  /** A request started, prepared, approved and released by the clerk's office and the webmaster. */
  Started walkToPublication(Map<String, ?> fields) {
    JsonNode started =
        call(
            "reporter.clerk",
            HttpMethod.POST,
            engineRest + "/process-definition/key/publicationRequest/start",
            Map.of("variables", variables(fields)),
            HttpStatus.OK);
    Started request = new Started(started.get("businessKey").asText(), started.get("id").asText());
    complete("reporter.clerk", request, "prepareRequest", Map.of("reporterConfirmed", true));
    complete("head.clerk", request, "approveRequest", Map.of("headDecision", "approve"));
    complete("webmaster", request, "publishRequest", Map.of("webmasterDecision", "publish"));
    return request;
  }

  /** The request as the webmaster sees it once it has the status, failing after the timeout. */
  JsonNode awaitStatus(String key, String status, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode request;
    do {
      request = call("webmaster", HttpMethod.GET, "/api/requests/" + key, null, HttpStatus.OK);
      if (status.equals(request.get("status").asText())) {
        return request;
      }
      sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "request " + key + " did not reach " + status + " in " + timeout + ": " + request);
  }

  JsonNode call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      ResponseEntity<String> response =
          rest.exchange(
              path,
              method,
              new HttpEntity<>(body == null ? null : json.writeValueAsString(body), headers),
              String.class);
      assertThat(response.getStatusCode())
          .as(method + " " + path + " as " + user + ": " + response.getBody())
          .isEqualTo(expected);
      return response.getBody() == null ? null : json.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String engineRest() {
    return engineRest;
  }

  private void complete(
      String user, Started request, String taskKey, Map<String, Object> variables) {
    JsonNode tasks =
        call(
            user,
            HttpMethod.GET,
            engineRest
                + "/task?processInstanceId="
                + request.processInstanceId()
                + "&taskDefinitionKey="
                + taskKey,
            null,
            HttpStatus.OK);
    assertThat(tasks).as(user + " sees the " + taskKey + " task").hasSize(1);
    call(
        user,
        HttpMethod.POST,
        engineRest + "/task/" + tasks.get(0).get("id").asText() + "/complete",
        Map.of("variables", variables(variables)),
        HttpStatus.NO_CONTENT);
  }

  /** Request fields as Camunda REST variables; byte arrays become File variables. */
  static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, variable(value)));
    return variables;
  }

  /** A file attachment as a Camunda REST File variable. */
  static Map<String, Object> file(String fileName, String mediaType, byte[] content) {
    return Map.of(
        "value",
        Base64.getEncoder().encodeToString(content),
        "type",
        "File",
        "valueInfo",
        Map.of("filename", fileName, "mimetype", mediaType));
  }

  @SuppressWarnings("unchecked")
  private static Object variable(Object value) {
    if (value instanceof Map<?, ?> typed) {
      return (Map<String, Object>) typed;
    }
    return Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A started request: its number and its process instance. */
  record Started(String businessKey, String processInstanceId) {

    /** The WordPress post's slug: the request number in lower case. */
    String slug() {
      return businessKey.toLowerCase(java.util.Locale.ROOT);
    }
  }
}
