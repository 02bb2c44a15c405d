package th.go.municipal.publication.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import th.go.municipal.publication.publishing.PublishingFailedException.Action;

/**
 * HTTP for the outside publishers: one client per publisher with the configured connect and read
 * timeouts, no redirects followed (credentials never follow a redirect to another host), and every
 * answer read whole so that the caller decides what a status means.
 */
final class PublisherHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final int DETAIL_MAX = 200;

  private final String target;

  PublisherHttp(String target) {
    this.target = target;
  }

  /** A RestClient builder with the timeouts of the configuration and HTTP/1.1. */
  static RestClient.Builder builder(PublishingProperties properties) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.getConnectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(properties.getReadTimeout());
    return RestClient.builder().requestFactory(factory);
  }

  /**
   * Sends the request; an unreachable target or a timeout becomes a {@link
   * PublishingFailedException}.
   */
  Reply send(RestClient.RequestHeadersSpec<?> request, Action action, String businessKey) {
    try {
      return request.exchange(
          (req, res) ->
              new Reply(res.getStatusCode().value(), StreamUtils.copyToByteArray(res.getBody())));
    } catch (RestClientException e) {
      throw PublishingFailedException.unreachable(target, action, businessKey, e);
    }
  }

  /** Sends the request and requires a 2xx answer. */
  Reply expectSuccess(RestClient.RequestHeadersSpec<?> request, Action action, String businessKey) {
    Reply reply = send(request, action, businessKey);
    if (!reply.ok()) {
      throw failure(reply, action, businessKey);
    }
    return reply;
  }

  PublishingFailedException failure(Reply reply, Action action, String businessKey) {
    return PublishingFailedException.status(
        target, action, businessKey, reply.status(), reply.detail());
  }

  /** A status and the body as sent. */
  record Reply(int status, byte[] body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean gone() {
      return status == 404 || status == 410;
    }

    /** The body as JSON, or a missing node when it is empty or not JSON. */
    JsonNode json() {
      if (body.length == 0) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }

    /**
     * The target's own explanation, from a JSON error body ({@code code}/{@code error} and {@code
     * message}), shortened; an HTML error page is not repeated.
     */
    String detail() {
      JsonNode json = json();
      if (!json.isObject()) {
        return null;
      }
      String code =
          json.hasNonNull("code") ? json.get("code").asText() : json.path("error").asText("");
      String message = json.path("message").asText("");
      String detail = (code + (code.isEmpty() || message.isEmpty() ? "" : " – ") + message).strip();
      return detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) + "…" : detail;
    }
  }
}
