package th.go.municipal.publication.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiving end of the webhook publisher, in the test's own process on loopback: each node
 * posts to its own path ({@code /hook/<node>}), so the test knows which node publishes what; it can
 * answer slowly, so that a node is caught in the middle of a publishing job.
 */
final class WebhookReceiver implements AutoCloseable {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private volatile Duration delay = Duration.ZERO;
  private final Map<String, String> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> idempotencyKeys = new ConcurrentHashMap<>();
  private final Set<String> publishingNodes = ConcurrentHashMap.newKeySet();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/hook/", receiver::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    return receiver;
  }

  String url(String node) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + node;
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String node = exchange.getRequestURI().getPath().substring("/hook/".length());
    JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
    String key = body.path("businessKey").asText();
    boolean publish = "publish".equals(body.path("event").asText());
    if (publish) {
      publishingNodes.add(node);
      idempotencyKeys
          .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
          .add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      inFlight.put(key, node);
    }
    try {
      Thread.sleep(delay.toMillis());
      exchange.sendResponseHeaders(204, -1);
      if (publish) {
        completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.remove(key, node);
      exchange.close();
    }
  }

  /** Waits until the node is in the middle of a publishing call. */
  void awaitCallInFlight(String node, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!inFlight.containsValue(node)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("node " + node + " made no publishing call within " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** Waits until a call publishing the request is in progress; the node making it. */
  String awaitCallInFlightFor(String key, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!inFlight.containsKey(key)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("nobody published " + key + " within " + timeout);
      }
      Thread.sleep(20);
    }
    return inFlight.get(key);
  }

  int completedCalls(String key) {
    AtomicInteger calls = completed.get(key);
    return calls == null ? 0 : calls.get();
  }

  Set<String> idempotencyKeys(String key) {
    return idempotencyKeys.getOrDefault(key, Set.of());
  }

  Set<String> nodesThatPublished() {
    return publishingNodes;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
