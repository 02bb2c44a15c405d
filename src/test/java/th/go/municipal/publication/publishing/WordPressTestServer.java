package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real WordPress that {@code src/test/wordpress/wordpress-server.sh start} runs, as the tests
 * see it: its settings (from the file named by {@code WORDPRESS_TEST_SERVER}, else {@code
 * target/wordpress-server.properties}), and its own REST API, read anonymously (what the public
 * sees) or as its administrator (what is there, drafts and files included).
 *
 * <p>Without that server the tests are skipped with a message saying how to start it; on CI ({@code
 * CI=true}) they fail instead.
 */
final class WordPressTestServer {

  static final String HOW_TO_RUN =
      "no WordPress test server: bash src/test/wordpress/wordpress-server.sh start, then mvn verify"
          + " (and bash src/test/wordpress/wordpress-server.sh stop afterwards)";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final Properties settings;

  private WordPressTestServer(Properties settings) {
    this.settings = settings;
  }

  /** Skips the test class when there is no server (before the application starts), except on CI. */
  static final ExecutionCondition RUNNING =
      context -> {
        String missing = missing();
        if (missing == null || onCi()) {
          return ConditionEvaluationResult.enabled("WordPress test server configured");
        }
        System.err.println("WARNING: " + missing + "; WordPress tests skipped");
        return ConditionEvaluationResult.disabled(missing + "; WordPress tests skipped");
      };

  /** The server, or a failed test saying how to start it (on CI, where skipping is not allowed). */
  static WordPressTestServer require() {
    String missing = missing();
    if (missing != null) {
      Assertions.fail(missing + " (CI=true, so the WordPress tests fail instead of being skipped)");
    }
    WordPressTestServer server = new WordPressTestServer(load(settingsFile()));
    String problem;
    try {
      int status = server.send("GET", "/wp-json/", null, null).statusCode();
      problem = status == 200 ? null : "answers " + status + " on /wp-json/";
    } catch (UncheckedIOException e) {
      problem = "does not answer (" + e.getCause() + ")";
    }
    if (problem != null) {
      Assertions.fail(
          "WordPress at "
              + server.baseUrl()
              + " ("
              + settingsFile()
              + ") "
              + problem
              + ": "
              + HOW_TO_RUN);
    }
    return server;
  }

  /** Points the application's wordpress publisher at this server, with the given password. */
  void configure(DynamicPropertyRegistry registry, String applicationPassword) {
    registry.add("publication.publishing.publisher", () -> "wordpress");
    registry.add("publication.publishing.wordpress.base-url", this::baseUrl);
    registry.add(
        "publication.publishing.wordpress.username", () -> settings.getProperty("username"));
    registry.add(
        "publication.publishing.wordpress.application-password", () -> applicationPassword);
    for (String name : settings.stringPropertyNames()) {
      if (name.startsWith("category-ids.")) {
        registry.add("publication.publishing.wordpress." + name, () -> settings.getProperty(name));
      }
    }
  }

  String baseUrl() {
    return settings.getProperty("base-url");
  }

  String applicationPassword() {
    return settings.getProperty("application-password");
  }

  /** The WordPress category that the service's category (e.g. {@code rules}) is mapped to. */
  long categoryId(String category) {
    return Long.parseLong(settings.getProperty("category-ids." + category));
  }

  // ------------------------------------------------------------------------------------------
  // WordPress's own REST API
  // ------------------------------------------------------------------------------------------

  /** An anonymous GET of a path or a full URL: what a visitor gets. */
  HttpResponse<String> publicGet(String pathOrUrl) {
    return send("GET", pathOrUrl, null, null);
  }

  /** An anonymous GET of a file's bytes. */
  HttpResponse<byte[]> publicBytes(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A call as the site's administrator, answered 2xx; its JSON. */
  JsonNode admin(String method, String path, Object body) {
    HttpResponse<String> answer = send(method, path, body, adminLogin());
    assertThat(answer.statusCode())
        .as(method + " " + path + " as the WordPress administrator: " + answer.body())
        .isBetween(200, 299);
    return json(answer.body());
  }

  /** Every post of the request (any status, drafts and trash included), as the administrator. */
  List<JsonNode> postsWithSlug(String slug) {
    return list(admin("GET", "/wp-json/wp/v2/posts?status=any&context=edit&slug=" + slug, null));
  }

  /**
   * Every file of the request: media whose slug starts with the post's (the publisher's naming).
   */
  List<JsonNode> mediaOf(String slug) {
    return mediaWithSlugPrefix(slug + "-");
  }

  private List<JsonNode> mediaWithSlugPrefix(String prefix) {
    List<JsonNode> media = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<JsonNode> batch =
          list(admin("GET", "/wp-json/wp/v2/media?context=edit&per_page=100&page=" + page, null));
      batch.stream().filter(m -> m.path("slug").asText().startsWith(prefix)).forEach(media::add);
      if (batch.size() < 100) {
        return media;
      }
    }
  }

  /** The next {@code times} REST requests matching method and route answer {@code status}. */
  void failNext(String method, String routePattern, int status, int times) {
    admin(
        "POST",
        "/wp-json/municipal-test/v1/fault",
        Map.of("method", method, "route", routePattern, "status", status, "times", times));
  }

  void disarmFailures() {
    admin("DELETE", "/wp-json/municipal-test/v1/fault", null);
  }

  /**
   * Deletes what earlier runs published for request numbers starting with {@code prefix} (each test
   * application numbers its requests from 0001 again): posts first, then their files.
   */
  void deleteRequestsStartingWith(String prefix) {
    for (JsonNode post : postsWithSlugPrefix(prefix)) {
      admin("DELETE", "/wp-json/wp/v2/posts/" + post.get("id").asLong() + "?force=true", null);
    }
    for (JsonNode media : mediaWithSlugPrefix(prefix)) {
      admin("DELETE", "/wp-json/wp/v2/media/" + media.get("id").asLong() + "?force=true", null);
    }
  }

  private List<JsonNode> postsWithSlugPrefix(String prefix) {
    List<JsonNode> posts = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<JsonNode> batch =
          list(
              admin(
                  "GET",
                  "/wp-json/wp/v2/posts?status=any&context=edit&per_page=100&page=" + page,
                  null));
      batch.stream().filter(p -> p.path("slug").asText().startsWith(prefix)).forEach(posts::add);
      if (batch.size() < 100) {
        return posts;
      }
    }
  }

  static JsonNode json(String body) {
    try {
      return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private String adminLogin() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (settings.getProperty("admin-username")
                        + ":"
                        + settings.getProperty("admin-application-password"))
                    .getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String pathOrUrl, Object body, String login) {
    try {
      URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(20))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (login != null) {
        request.header("Authorization", login);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("WordPress at " + baseUrl() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------------
  // settings
  // ------------------------------------------------------------------------------------------

  private static Path settingsFile() {
    String configured = System.getenv("WORDPRESS_TEST_SERVER");
    return configured == null || configured.isBlank()
        ? Path.of("target", "wordpress-server.properties")
        : Path.of(configured);
  }

  /** What is missing, or null when the settings file is there. */
  private static String missing() {
    Path file = settingsFile();
    return Files.isReadable(file) ? null : HOW_TO_RUN + " (no " + file + ")";
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
