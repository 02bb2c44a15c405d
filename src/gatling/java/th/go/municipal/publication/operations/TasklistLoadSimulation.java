package th.go.municipal.publication.operations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Load on Tasklist's own REST calls (the webapps' engine API with a logged-in session and its XSRF
 * token, as the browser sends them), for the three roles: 50 people at once for 60 s on one
 * production node (the application's jar, profile postgres, on the PostgreSQL test server); each
 * person takes one request from start to published, and a new one takes their place: the reporter logs in, starts the request and
 * signs it; the head logs in, lists the task, claims, reads and approves it; the webmaster does the
 * same and publishes, then reads the request as its form does. Every call must succeed; Gatling's
 * report (target/gatling/) gives throughput and p50/p95/p99 per call.
 */
public class TasklistLoadSimulation extends Simulation {

  private static final int PEOPLE = Integer.getInteger("load.users", 50);
  private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private static final LoadTarget TARGET = LoadTarget.start();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(TARGET.base())
          .acceptHeader("application/json, text/plain, */*")
          .userAgentHeader("Gatling load test (Tasklist REST calls)")
          .shareConnections();

  /** Logs into Tasklist as the user; the session's XSRF token is kept for the changes that follow. */
  private static ChainBuilder logIn(String role, String user) {
    // The webapps hand the session's XSRF token out in the cookie XSRF-TOKEN, as Tasklist reads it.
    return exec(http(role + ": open Tasklist").get("/camunda/api/engine/engine/").check(status().is(200)))
        .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
        .exec(
            http(role + ": log in")
                .post("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-XSRF-TOKEN", "#{xsrf}")
                .formParam("username", user)
                .formParam("password", ProductionStaff.PASSWORD)
                .check(status().is(200)))
        .exec(http(role + ": who am I").get("/camunda/api/admin/auth/user/default").check(status().is(200)))
        .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")));
  }

  /** Finds the step's task of this request, claims it, reads its form and submits it. */
  private static ChainBuilder decide(String role, String user, String taskKey, String variables) {
    return exec(
            http(role + ": list my tasks")
                .get(ENGINE + "/task?processInstanceId=#{pid}&taskDefinitionKey=" + taskKey)
                .check(status().is(200), jsonPath("$[0].id").saveAs("task")))
        .exec(
            http(role + ": claim")
                .post(ENGINE + "/task/#{task}/claim")
                .header("X-XSRF-TOKEN", "#{xsrf}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"userId\":\"" + user + "\"}"))
                .check(status().is(204)))
        .exec(
            http(role + ": open the form")
                .get(ENGINE + "/task/#{task}/form-variables")
                .check(status().is(200)))
        .exec(
            http(role + ": sign")
                .post(ENGINE + "/task/#{task}/submit-form")
                .header("X-XSRF-TOKEN", "#{xsrf}")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"variables\":" + variables + "}"))
                .check(status().is(204)));
  }

  private static final String START =
      "{\"variables\":{"
          + "\"unit\":{\"value\":\"clerk\",\"type\":\"String\"},"
          + "\"title\":{\"value\":\"ประกาศทดสอบภาระงาน\",\"type\":\"String\"},"
          + "\"details\":{\"value\":\"รายละเอียดประกาศสำหรับการทดสอบภาระงานของระบบ\",\"type\":\"String\"},"
          + "\"category\":{\"value\":\"other\",\"type\":\"String\"},"
          + "\"urgent\":{\"value\":false,\"type\":\"Boolean\"}}}";

  private final ScenarioBuilder staff =
      scenario("Tasklist: reporter, head and webmaster")
          .exec(
              exec(logIn("reporter", "reporter.clerk"))
                  .exec(
                      http("reporter: start request")
                          .post(ENGINE + "/process-definition/key/publicationRequest/submit-form")
                          .header("X-XSRF-TOKEN", "#{xsrf}")
                          .header("Content-Type", "application/json")
                          .body(StringBody(START))
                          .check(
                              status().is(200),
                              jsonPath("$.id").saveAs("pid"),
                              jsonPath("$.businessKey").saveAs("key")))
                  .exec(
                      http("reporter: list my tasks")
                          .get(ENGINE + "/task?processInstanceId=#{pid}&taskDefinitionKey=prepareRequest")
                          .check(status().is(200), jsonPath("$[0].id").saveAs("task")))
                  .exec(
                      http("reporter: open the form")
                          .get(ENGINE + "/task/#{task}/form-variables")
                          .check(status().is(200)))
                  .exec(
                      http("reporter: sign")
                          .post(ENGINE + "/task/#{task}/submit-form")
                          .header("X-XSRF-TOKEN", "#{xsrf}")
                          .header("Content-Type", "application/json")
                          .body(
                              StringBody(
                                  "{\"variables\":{\"reporterConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}"))
                          .check(status().is(204)))
                  .exec(logIn("head", "head.clerk"))
                  .exec(
                      decide(
                          "head",
                          "head.clerk",
                          "approveRequest",
                          "{\"headDecision\":{\"value\":\"approve\",\"type\":\"String\"}}"))
                  .exec(logIn("webmaster", "webmaster"))
                  .exec(
                      decide(
                          "webmaster",
                          "webmaster",
                          "publishRequest",
                          "{\"webmasterDecision\":{\"value\":\"publish\",\"type\":\"String\"}}"))
                  .exec(
                      http("webmaster: the request with its signatures")
                          .get("/api/requests/#{key}")
                          .check(status().is(200))));

  {
    setUp(staff.injectClosed(constantConcurrentUsers(PEOPLE).during(DURATION)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L))
        .maxDuration(DURATION.plusSeconds(120));
  }

  @Override
  public void after() {
    TARGET.stop();
  }

  /** The node under load, started before the simulation and stopped after it. */
  static final class LoadTarget {
    private final Node node;

    private LoadTarget(Node node) {
      this.node = node;
    }

    static LoadTarget start() {
      try {
        TestPostgres postgres = TestPostgres.running();
        String database = postgres.createDatabase();
        postgres.script(database, "src/ops/camunda-schema.sh", "create");
        Node node = Node.of("load", Map.of("spring.profiles.active", "postgres"), postgres.nodeEnvironment(database)).start();
        ProductionStaff.create(node.base());
        return new LoadTarget(node);
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the node under load", e);
      }
    }

    String base() {
      return node.base();
    }

    void stop() {
      try {
        node.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
