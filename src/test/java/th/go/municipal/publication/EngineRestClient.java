package th.go.municipal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A script calling the running service as one of the demo users, with HTTP basic authentication
 * sent on every call as Camunda's REST API and {@code /api} expect it: JSON in, JSON out.
 */
public final class EngineRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final String user;
  private final String password;

  public EngineRestClient(String base, String user) {
    this(base, user, "demo");
  }

  public EngineRestClient(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  /** Sends a call; {@code body} is written as JSON unless it is a String already. */
  public HttpResponse<String> send(String method, String path, Object body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes of the given content type (a multipart upload). */
  public HttpResponse<String> sendBytes(String method, String path, byte[] body, String contentType)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization())
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a call, asserts its status and answers its JSON (or null without a body). */
  public JsonNode call(String method, String path, Object body, int expectedStatus)
      throws Exception {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode())
        .as(user + ": " + method + " " + path + " → " + response.body())
        .isEqualTo(expectedStatus);
    return response.body() == null || response.body().isEmpty()
        ? null
        : JSON.readTree(response.body());
  }

  /** Starts a publication request with these values; answers the started instance. */
  public JsonNode startRequest(Map<String, Object> values) throws Exception {
    return call(
        "POST",
        "/engine-rest/process-definition/key/publicationRequest/start",
        Map.of("variables", variables(values)),
        200);
  }

  /** The id of the one task with this key in the process instance, as this user sees it. */
  public String taskId(String processInstanceId, String taskKey) throws Exception {
    JsonNode tasks =
        call(
            "GET",
            "/engine-rest/task?processInstanceId="
                + processInstanceId
                + "&taskDefinitionKey="
                + taskKey,
            null,
            200);
    assertThat(tasks).as(user + " sees the " + taskKey + " task").hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  public void complete(String taskId, Map<String, Object> values) throws Exception {
    call("POST", "/engine-rest/task/" + taskId + "/complete", completion(values), 204);
  }

  /** The body of a task completion with these values. */
  public static Map<String, Object> completion(Map<String, Object> values) {
    return Map.of("variables", variables(values));
  }

  /** A usable request's fields; a test adds or replaces what it is about. */
  public static Map<String, Object> requestFields(String unit, String title) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("unit", unit);
    values.put("title", title);
    values.put("details", "รายละเอียดสำหรับการทดสอบความปลอดภัยของระบบ");
    values.put("category", "other");
    values.put("urgent", false);
    return values;
  }

  /**
   * Values in the shape of Camunda's REST API: {"name": {"value": ..., "type": ...}}; a value that
   * is a Map already is passed as it is (a File with its valueInfo, a typed value).
   */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            variables.put(
                name,
                value instanceof Map<?, ?> typed
                    ? typed
                    : Map.of(
                        "value",
                        value,
                        "type",
                        value instanceof Boolean
                            ? "Boolean"
                            : value instanceof Long ? "Long" : "String")));
    return variables;
  }

  /** A File value as Tasklist sends it: base64 content with its file name. */
  public static Map<String, Object> file(String fileName, String mimeType, byte[] content) {
    return Map.of(
        "type",
        "File",
        "value",
        Base64.getEncoder().encodeToString(content),
        "valueInfo",
        Map.of("filename", fileName, "mimetype", mimeType));
  }

  public static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
