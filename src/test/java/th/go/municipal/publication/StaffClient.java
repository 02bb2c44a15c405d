package th.go.municipal.publication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A script calling the service as one of its staff with HTTP basic authentication (password demo).
 */
public final class StaffClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String password;

  public StaffClient(String base) {
    this(base, "demo");
  }

  /** Staff whose password is the given one (production nodes have no demo passwords). */
  public StaffClient(String base, String password) {
    this.base = base;
    this.password = password;
  }

  public HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(authorized(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> anonymous(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String user, String path, String json) throws Exception {
    return http.send(
        authorized(user, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String user, String path, String json) throws Exception {
    return http.send(
        authorized(user, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder authorized(String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }
}
