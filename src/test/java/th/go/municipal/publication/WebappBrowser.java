package th.go.municipal.publication;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser as the Camunda webapps see it: it keeps its cookies (the session), logs in the way
 * Tasklist does and sends the XSRF token that the webapps require with every change.
 */
public final class WebappBrowser {

  private final HttpClient client;
  private final String base;
  private String token;

  public WebappBrowser(String base) {
    this(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), base, null);
  }

  private WebappBrowser(HttpClient client, String base, String token) {
    this.client = client;
    this.base = base;
    this.token = token;
  }

  /**
   * The same browser (its cookies, its XSRF token) sending its next requests to another address, as
   * when a load balancer sends them to another node of a cluster.
   */
  public WebappBrowser at(String otherBase) {
    return new WebappBrowser(client, otherBase, token);
  }

  /** Logs into Tasklist; answers the login's HTTP status. */
  public int logIn(String user, String password) throws Exception {
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrfToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    return login.statusCode();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> postJson(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", xsrfToken())
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The XSRF token the webapps last handed to this browser. */
  public String csrfToken() {
    return token;
  }

  public HttpResponse<String> putJson(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", xsrfToken())
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Values in the shape of Camunda's REST API: {"name": {"value": ..., "type": ...}}. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            variables.put(
                name,
                Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  /**
   * The webapps hand out a session's token once, on its first page or read of their API, and a new
   * one after a login (which starts a new session).
   */
  private String xsrfToken() throws Exception {
    get("/camunda/api/engine/engine/")
        .headers()
        .firstValue("X-XSRF-TOKEN")
        .ifPresent(t -> token = t);
    return token;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(issued -> token = issued);
    return response;
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }
}
