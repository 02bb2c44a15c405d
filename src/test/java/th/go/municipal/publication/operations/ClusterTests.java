package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import th.go.municipal.publication.AtOnce;
import th.go.municipal.publication.StaffClient;
import th.go.municipal.publication.WebappBrowser;

/**
 * Two nodes of the service, each the application's jar in a process of its own, on one real
 * PostgreSQL (a Camunda homogeneous cluster), as an operator runs them: requests pass from one node
 * to the other, every publishing job runs once, numbers stay unique and gap-free, a login holds on
 * both, the website's cache and visit counts agree; a node killed with {@code kill -9} while jobs
 * are due or during 50 concurrent requests loses nothing that was answered; a node stopped with
 * SIGTERM lets its running job finish; a backup restored into an empty database holds everything.
 * Publishing goes to a webhook in this test, which tells which node sent each call.
 */
@Tag("production")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

  private static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

  private final ObjectMapper json = new ObjectMapper();
  private final List<Node> nodes = new ArrayList<>();
  private TestPostgres postgres;
  private String database;
  private JdbcTemplate db;
  private WebhookReceiver webhook;
  private Node a;
  private Node b;

  @BeforeAll
  void twoNodesOnOneDatabase() throws Exception {
    postgres = TestPostgres.running();
    database = postgres.createDatabase();
    postgres.script(database, "src/ops/camunda-schema.sh", "create");
    db = postgres.jdbc(database);
    webhook = WebhookReceiver.start();
    a = node("a", Map.of()).start();
    ProductionStaff.create(a.base());
    b = node("b", Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")).start();
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Node node : nodes) {
      node.close();
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  private Node node(String name, Map<String, String> extraEnvironment) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(postgres.nodeEnvironment(database));
    environment.putAll(extraEnvironment);
    Node node =
        Node.of(
            name,
            Map.of(
                "spring.profiles.active", "postgres",
                "publication.publishing.publisher", "webhook",
                "publication.publishing.webhook.url", webhook.url(name),
                "publication.publishing.webhook.secret", TestPostgres.FORM_KEY,
                // A dead node's jobs are taken over once their lock expires: 15 s here.
                "camunda.bpm.job-execution.lock-time-in-millis", "15000",
                "publication.website.render-cache-ttl", "PT2S",
                "publication.website.visits.flush-interval", "PT1S"),
            environment);
    nodes.add(node);
    return node;
  }

  @Test
  @Order(1)
  void aRequestStartedOnOneNodeIsSignedOnTheOtherAndPublishedOnce() throws Exception {
    Started request = start(a, "ประกาศผ่านสองเครื่อง");
    assertThat(complete(b, "reporter.clerk", request, "prepareRequest", "reporterConfirmed", true))
        .isEqualTo(204);
    assertThat(complete(a, "head.clerk", request, "approveRequest", "headDecision", "approve"))
        .isEqualTo(204);
    assertThat(complete(b, "webmaster", request, "publishRequest", "webmasterDecision", "publish"))
        .isEqualTo(204);

    awaitStatus(a, request.key(), "PUBLISHED");
    JsonNode seen = readRequest(b, request.key());
    assertThat(seen.get("signatures").findValuesAsText("role"))
        .containsExactly("reporter", "approver", "publisher");
    assertPublishedOnce(List.of(request.key()));
  }

  @Test
  @Order(2)
  void requestNumbersStayUniqueAndGapFreeWhenBothNodesStartAtOnce() throws Exception {
    List<Callable<Started>> starts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Node node = i % 2 == 0 ? a : b;
      starts.add(() -> start(node, "ประกาศพร้อมกันสองเครื่อง"));
    }
    List<Started> started = AtOnce.run(starts);

    assertThat(started).extracting(Started::key).doesNotHaveDuplicates();
    assertNumbersAreGapFree();
  }

  @Test
  @Order(3)
  void everyPublishingJobRunsOnceWithBothJobExecutorsAtWork() throws Exception {
    List<Callable<String>> walks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Node node = i % 2 == 0 ? a : b;
      walks.add(() -> walkToPublication(node, "ประกาศให้เผยแพร่ครั้งเดียว").key());
    }
    List<String> keys = AtOnce.run(walks);
    for (String key : keys) {
      awaitStatus(b, key, "PUBLISHED");
    }
    assertPublishedOnce(keys);
    assertThat(webhook.nodesThatPublished())
        .as("both nodes' job executors took publishing jobs")
        .contains("a", "b");
  }

  @Test
  @Order(4)
  void aPersonLoggedInOnOneNodeStaysLoggedInOnTheOtherWithTheSameCsrfToken() throws Exception {
    Started request = start(a, "ประกาศลงนามผ่าน Tasklist สองเครื่อง");
    complete(a, "reporter.clerk", request, "prepareRequest", "reporterConfirmed", true);
    WebappBrowser onA = new WebappBrowser(a.base());
    assertThat(onA.logIn("head.clerk", ProductionStaff.PASSWORD)).isEqualTo(200);
    assertThat(onA.get("/camunda/api/admin/auth/user/default").body()).contains("head.clerk");
    String token = onA.csrfToken();

    WebappBrowser onB = onA.at(b.base());
    HttpResponse<String> me = onB.get("/camunda/api/admin/auth/user/default");
    assertThat(me.statusCode()).as("the login holds on the other node").isEqualTo(200);
    assertThat(me.body()).contains("head.clerk");
    assertThat(onB.csrfToken())
        .as("the webapps' CSRF token is the session's, on both")
        .isEqualTo(token);
    HttpResponse<String> approved =
        onB.postJson(
            "/camunda/api/engine/engine/default/task/"
                + taskId(b, "head.clerk", request, "approveRequest")
                + "/submit-form",
            json.writeValueAsString(WebappBrowser.variables(Map.of("headDecision", "approve"))));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    HttpResponse<String> fromTheForm = onB.get("/api/requests/" + request.key());
    assertThat(fromTheForm.statusCode()).as("a form's /api call on the other node").isEqualTo(200);
  }

  @Test
  @Order(5)
  void theWebsiteOfBothNodesShowsWhatIsPublishedAndCountsEveryVisit() throws Exception {
    String title = "ประกาศที่ทั้งสองเครื่องแสดง";
    String key = walkToPublication(a, title).key();
    awaitStatus(a, key, "PUBLISHED");
    // B had its home page cached before; within its render-cache TTL (2 s here) it shows the item.
    awaitPage(b, "/", title, true);

    String item = "/items/" + key;
    long before = visits(item);
    for (int i = 0; i < 7; i++) {
      assertThat(page(a, item).statusCode()).isEqualTo(200);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(page(b, item).statusCode()).isEqualTo(200);
    }
    awaitVisits(item, before + 12);

    StaffClient webmaster = ProductionStaff.client(a);
    assertThat(
            webmaster
                .post(
                    "webmaster",
                    "/api/published/" + key + "/withdraw",
                    "{\"reason\":\"หมดความจำเป็น\"}")
                .statusCode())
        .isEqualTo(204);
    awaitPage(b, "/", title, false);
  }

  @Test
  @Order(6)
  void throughNginxRequestsReachBothNodesAndTheLoginHolds() throws Exception {
    try (TestNginx nginx = TestNginx.start(a.port, b.port)) {
      double aBefore = requestsServed(a);
      double bBefore = requestsServed(b);
      WebappBrowser browser = new WebappBrowser(nginx.base());
      assertThat(browser.logIn("webmaster", ProductionStaff.PASSWORD)).isEqualTo(200);
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> me = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).as("call %d through nginx", i).isEqualTo(200);
        assertThat(me.body()).contains("webmaster");
      }
      HttpResponse<String> home = nginx.get("/");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(nginx.get("/css/site.css").headers().firstValue("X-Cache-Status")).isPresent();
      assertThat(nginx.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
      assertThat(requestsServed(a)).as("node a served some").isGreaterThan(aBefore);
      assertThat(requestsServed(b)).as("node b served some").isGreaterThan(bBefore);
    }
  }

  @Test
  @Order(7)
  void aNodeKilledWhileItPublishesLeavesItsJobsToTheOther() throws Exception {
    webhook.delay(Duration.ofSeconds(4));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      keys.add(walkToPublication(a, "ประกาศระหว่างเครื่องดับ").key());
    }
    webhook.awaitCallInFlight("a", Duration.ofSeconds(60));

    a.kill();
    webhook.delay(Duration.ZERO);

    for (String key : keys) {
      awaitStatus(b, key, "PUBLISHED", Duration.ofMinutes(3));
    }
    assertPublishedOnce(keys);
    a = node("a2", Map.of()).start();
  }

  @Test
  @Order(8)
  void aNodeKilledDuringFiftyConcurrentRequestsLosesNothingItAnswered() throws Exception {
    ConcurrentLinkedQueue<Started> answered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Started> signed = new ConcurrentLinkedQueue<>();
    ExecutorService people = Executors.newFixedThreadPool(50);
    Node victim = a;
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      work.add(
          people.submit(
              () -> {
                try {
                  Started request = start(victim, "ประกาศระหว่างเครื่องถูกปิดทันที");
                  answered.add(request);
                  if (complete(
                          victim,
                          "reporter.clerk",
                          request,
                          "prepareRequest",
                          "reporterConfirmed",
                          true)
                      == 204) {
                    signed.add(request);
                  }
                } catch (Exception | AssertionError cutOff) {
                  // The node died under this person: nothing was promised.
                }
                return null;
              }));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (signed.size() < 10 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    victim.kill();
    for (Future<?> person : work) {
      person.get(2, TimeUnit.MINUTES);
    }
    people.shutdown();
    assertThat(signed).as("some requests were answered before the kill").isNotEmpty();

    a = node("a3", Map.of()).start();
    for (Started request : answered) {
      JsonNode stored = readRequest(a, request.key());
      assertThat(stored.get("businessKey").asText()).isEqualTo(request.key());
    }
    for (Started request : signed) {
      JsonNode stored = readRequest(a, request.key());
      assertThat(stored.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
      assertThat(stored.get("signatures").findValuesAsText("role")).containsExactly("reporter");
    }
    assertNothingHalfStored();
    assertNumbersAreGapFree();
    assertAuditTrailVerifies(a);
  }

  @Test
  @Order(9)
  void aNodeStoppedBySigtermLetsItsRunningJobFinishFirst() throws Exception {
    assertThat(b.output().lines().filter(l -> l.startsWith("{")).limit(20))
        .as("node b writes JSON logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs)")
        .isNotEmpty()
        .allSatisfy(line -> assertThat(json.readTree(line).has("@timestamp")).isTrue());

    webhook.delay(Duration.ofSeconds(6));
    Started request = walkToPublication(a, "ประกาศระหว่างปิดเครื่องตามขั้นตอน");
    awaitStatus(a, request.key(), "AWAITING_PUBLICATION", Duration.ofSeconds(30));
    String publisher = webhook.awaitCallInFlightFor(request.key(), Duration.ofSeconds(60));
    Node running = publisher.equals("b") ? b : a;

    int exit = running.stop(Duration.ofMinutes(2));

    assertThat(exit).as("a clean stop").isIn(0, 143);
    assertThat(webhook.completedCalls(request.key())).as("its call was answered").isEqualTo(1);
    assertThat(
            db.queryForObject(
                "select status from publication_requests where business_key = ?",
                String.class,
                request.key()))
        .as("the job committed before the node stopped")
        .isEqualTo("PUBLISHED");
    webhook.delay(Duration.ZERO);
    if (running == a) {
      a = node("a4", Map.of()).start();
    }
  }

  @Test
  @Order(10)
  void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryRequestSignatureAndAuditEntry()
      throws Exception {
    Node live = a.alive() ? a : b;
    java.nio.file.Path dump = live.folder.resolve("publication.dump");

    postgres.script(database, "src/ops/backup.sh", "postgres", dump.toString());
    String restored = postgres.createDatabase();
    postgres.script(restored, "src/ops/restore.sh", "postgres", dump.toString());

    JdbcTemplate copy = postgres.jdbc(restored);
    for (String table :
        List.of(
            "select business_key, status, updated_at from publication_requests order by 1",
            "select id, business_key, role, user_id, signed_at from request_signatures order by 1",
            "select id, hash, previous_hash from audit_entries order by 1",
            "select business_key, published_at, withdrawn_at from published_items order by 1")) {
      assertThat(copy.queryForList(table)).as(table).isEqualTo(db.queryForList(table));
    }
    String originalDatabase = database;
    database = restored;
    try {
      Node fromBackup = node("restored", Map.of()).start();
      assertAuditTrailVerifies(fromBackup);
      String anyKey =
          copy.queryForObject("select max(business_key) from publication_requests", String.class);
      assertThat(readRequest(fromBackup, anyKey).get("businessKey").asText()).isEqualTo(anyKey);
    } finally {
      database = originalDatabase;
    }
  }

  // --- the people's calls, over HTTP -------------------------------------------------------

  record Started(String key, String processInstanceId) {}

  private Started start(Node node, String title) throws Exception {
    HttpResponse<String> started =
        ProductionStaff.client(node)
            .post(
                "reporter.clerk",
                "/engine-rest/process-definition/key/publicationRequest/start",
                json.writeValueAsString(
                    Map.of(
                        "variables",
                        Map.of(
                            "unit", text("clerk"),
                            "title", text(title),
                            "details", text("รายละเอียดของ" + title),
                            "category", text("other"),
                            "urgent", Map.of("value", false, "type", "Boolean")))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode body = json.readTree(started.body());
    return new Started(body.get("businessKey").asText(), body.get("id").asText());
  }

  private int complete(
      Node node, String user, Started request, String taskKey, String name, Object value)
      throws Exception {
    String taskId = taskId(node, user, request, taskKey);
    Map<String, Object> variable =
        Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String");
    return ProductionStaff.client(node)
        .post(
            user,
            "/engine-rest/task/" + taskId + "/complete",
            json.writeValueAsString(Map.of("variables", Map.of(name, variable))))
        .statusCode();
  }

  private String taskId(Node node, String user, Started request, String taskKey) throws Exception {
    HttpResponse<String> tasks =
        ProductionStaff.client(node)
            .get(
                user,
                "/engine-rest/task?processInstanceId="
                    + request.processInstanceId()
                    + "&taskDefinitionKey="
                    + taskKey);
    JsonNode list = json.readTree(tasks.body());
    assertThat(list).as(user + " sees " + taskKey + " of " + request.key()).hasSize(1);
    return list.get(0).get("id").asText();
  }

  private Started walkToPublication(Node node, String title) throws Exception {
    Started request = start(node, title);
    assertThat(
            complete(node, "reporter.clerk", request, "prepareRequest", "reporterConfirmed", true))
        .isEqualTo(204);
    assertThat(complete(node, "head.clerk", request, "approveRequest", "headDecision", "approve"))
        .isEqualTo(204);
    assertThat(
            complete(node, "webmaster", request, "publishRequest", "webmasterDecision", "publish"))
        .isEqualTo(204);
    return request;
  }

  private JsonNode readRequest(Node node, String key) throws Exception {
    HttpResponse<String> read = ProductionStaff.client(node).get("auditor", "/api/requests/" + key);
    assertThat(read.statusCode()).as(key + ": " + read.body()).isEqualTo(200);
    return json.readTree(read.body());
  }

  private void awaitStatus(Node node, String key, String status) throws Exception {
    awaitStatus(node, key, status, Duration.ofSeconds(90));
  }

  private void awaitStatus(Node node, String key, String status, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String now;
    do {
      now = readRequest(node, key).get("status").asText();
      if (now.equals(status)) {
        return;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(key + " is " + now + ", not " + status + " after " + timeout);
  }

  private HttpResponse<String> page(Node node, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + path))
                .header("User-Agent", BROWSER)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void awaitPage(Node node, String path, String text, boolean shown) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    boolean contains;
    do {
      contains = page(node, path).body().contains(text);
      if (contains == shown) {
        return;
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        node.name + path + (shown ? " does not show " : " still shows ") + text);
  }

  private long visits(String path) {
    Long sum =
        db.queryForObject(
            "select coalesce(sum(visits), 0) from page_visits where path = ?", Long.class, path);
    return sum == null ? 0 : sum;
  }

  private void awaitVisits(String path, long expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (visits(path) < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertThat(visits(path)).as("visits of " + path + " written by both nodes").isEqualTo(expected);
  }

  private double requestsServed(Node node) throws Exception {
    String metrics = ProductionStaff.client(node).get("prometheus", "/actuator/prometheus").body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  // --- what must hold in the database ------------------------------------------------------

  private void assertPublishedOnce(List<String> keys) {
    for (String key : keys) {
      assertThat(
              db.queryForObject(
                  "select count(*) from audit_entries where subject_key = ? and action = 'publishToWebsite'",
                  Integer.class,
                  key))
          .as("one audit entry for publishing " + key)
          .isEqualTo(1);
      assertThat(
              db.queryForObject(
                  "select count(*) from published_items where business_key = ?",
                  Integer.class,
                  key))
          .isEqualTo(1);
      assertThat(webhook.idempotencyKeys(key))
          .as("every call for %s (a retry after a dead node included) is the same publication", key)
          .hasSize(1);
    }
  }

  private void assertNumbersAreGapFree() {
    List<Integer> numbers =
        db.queryForList("select business_key from publication_requests", String.class).stream()
            .map(k -> Integer.parseInt(k.substring(k.lastIndexOf('-') + 1)))
            .sorted()
            .toList();
    assertThat(numbers)
        .as("request numbers: unique, from 1, no gap")
        .isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
  }

  /** Every request has its process instance and every process instance its request. */
  private void assertNothingHalfStored() {
    List<String> requests =
        db.queryForList("select business_key from publication_requests order by 1", String.class);
    List<String> processes =
        db.queryForList(
            "select business_key_ from act_hi_procinst where proc_def_key_ = 'publicationRequest'"
                + " order by 1",
            String.class);
    assertThat(processes).isEqualTo(requests);
    assertThat(
            db.queryForObject(
                "select count(*) from publication_requests r where r.status <> 'PREPARING' and not"
                    + " exists (select 1 from request_signatures s where s.business_key ="
                    + " r.business_key and s.role = 'REPORTER')",
                Integer.class))
        .as("no request past preparation without the reporter's signature")
        .isZero();
  }

  private void assertAuditTrailVerifies(Node node) throws Exception {
    HttpResponse<String> verify = ProductionStaff.client(node).get("auditor", "/api/audit/verify");
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    assertThat(json.readTree(verify.body()).get("intact").asBoolean()).as(verify.body()).isTrue();
  }

  private static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }
}
