package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.StaffClient;
import th.go.municipal.publication.identity.Groups;

/**
 * Through HTTP on a real port: the health probes answer everyone with their status only, their
 * details and the Prometheus metrics only a monitoring account or an administrator; readiness
 * covers the database, the engine, its job executor, the audit trail and mail; the metrics count
 * requests by status, step durations, failing jobs and open incidents.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false",
      // The test profile leaves the engine's health out (its jobs run by hand); here it runs.
      "management.health.camunda.enabled=true"
    })
@ActiveProfiles({"demo", "test"})
// Spring Boot's tests switch metrics export off unless asked for it.
@AutoConfigureObservability
class OperationsEndpointsTests {

  private static final String PROMETHEUS_ACCOUNT = "prometheus";

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired RuntimeService runtimeService;

  @Autowired TaskService taskService;

  @Autowired ManagementService managementService;

  @Autowired RepositoryService repositoryService;

  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private StaffClient staff;

  @BeforeEach
  void aPrometheusAccount() {
    staff = new StaffClient("http://localhost:" + port);
    if (identityService.createUserQuery().userId(PROMETHEUS_ACCOUNT).count() == 0) {
      User user = identityService.newUser(PROMETHEUS_ACCOUNT);
      user.setFirstName("Prometheus");
      user.setLastName("scraper");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(PROMETHEUS_ACCOUNT, Groups.MONITORING);
    }
  }

  @Test
  void healthProbesAnswerEveryoneWithTheirStatusOnly() throws Exception {
    for (String probe :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      HttpResponse<String> anonymous = staff.anonymous(probe);
      assertThat(anonymous.statusCode()).as(probe + ": " + anonymous.body()).isEqualTo(200);
      JsonNode status = json.readTree(anonymous.body());
      assertThat(status.get("status").asText()).isEqualTo("UP");
      assertThat(status.has("components")).as(probe + " shows no details to the public").isFalse();
    }
  }

  @Test
  void readinessShowsItsComponentsToMonitoring() throws Exception {
    long keptBefore = jdbc.queryForObject("select count(*) from mail_outbox", Long.class);
    // The audit trail is verified after the first answer (common.AfterStart): UNKNOWN until then.
    JsonNode components =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  HttpResponse<String> readiness =
                      staff.get(PROMETHEUS_ACCOUNT, "/actuator/health/readiness");
                  assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
                  return json.readTree(readiness.body()).get("components");
                },
                c -> c.path("auditTrail").path("status").asText().equals("UP"));
    assertThat(components.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "readinessState", "db", "processEngine", "jobExecutor", "auditTrail", "mail");
    components.forEach(c -> assertThat(c.get("status").asText()).isEqualTo("UP"));
    assertThat(components.get("mail").get("details").get("delivery").asText()).startsWith("outbox");
    // Counted in SQL (MailNotifier.keptInOutbox): every e-mail kept, on every node.
    long keptAfter = jdbc.queryForObject("select count(*) from mail_outbox", Long.class);
    assertThat(components.get("mail").get("details").get("keptInOutbox").asLong())
        .isBetween(keptBefore, keptAfter);
  }

  @Test
  void metricsAreForMonitoringAndAdministratorsOnly() throws Exception {
    HttpResponse<String> anonymous = staff.anonymous("/actuator/prometheus");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json.readTree(anonymous.body()).get("error").asText()).isEqualTo("unauthorized");

    HttpResponse<String> reporter = staff.get("reporter.clerk", "/actuator/prometheus");
    assertThat(reporter.statusCode()).isEqualTo(403);
    assertThat(json.readTree(reporter.body()).get("message").asText())
        .startsWith("เฉพาะระบบเฝ้าระวังและผู้ดูแลระบบ");

    assertThat(staff.get(PROMETHEUS_ACCOUNT, "/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(staff.get("admin", "/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(staff.get(PROMETHEUS_ACCOUNT, "/actuator/health").body()).contains("components");
  }

  @Test
  void metricsCountRequestsByStatusAndStepDurations() throws Exception {
    requestPreparedByTheClerk();
    staff.get("reporter.clerk", "/api/requests/PR-2500-9999");

    String metrics = staff.get(PROMETHEUS_ACCOUNT, "/actuator/prometheus").body();

    assertThat(value(metrics, "publication_step_duration_seconds_count", "step=\"prepareRequest\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "http_server_requests_seconds_count", "status=\"404\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "http_server_requests_seconds_count", "status=\"200\""))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void metricsCountFailingJobsAndOpenIncidents() throws Exception {
    // given a job that fails every time it runs
    repositoryService
        .createDeployment()
        .addModelInstance(
            "failing-job.bpmn",
            Bpmn.createExecutableProcess("operationsFailingJob")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask()
                .camundaAsyncBefore()
                // One try now, the next in an hour: the test sees it failing with retries left.
                .camundaFailedJobRetryTimeCycle("R3/PT1H")
                .camundaExpression("${undefinedBeanOfThisTest.run()}")
                .endEvent()
                .done())
        .deploy();
    ProcessInstance failing = runtimeService.startProcessInstanceByKey("operationsFailingJob");
    try {
      Job job = awaitFailure(failing);
      String before = staff.get(PROMETHEUS_ACCOUNT, "/actuator/prometheus").body();
      assertThat(value(before, "publication_jobs_failing", "retries=\"left\""))
          .isGreaterThanOrEqualTo(1);

      // when its retries are used up, it is an incident
      managementService.setJobRetries(job.getId(), 0);
      String after = staff.get(PROMETHEUS_ACCOUNT, "/actuator/prometheus").body();

      assertThat(value(after, "publication_jobs_failing", "retries=\"none\""))
          .isEqualTo(value(before, "publication_jobs_failing", "retries=\"none\"") + 1);
      assertThat(value(after, "publication_incidents_open", ""))
          .isEqualTo(value(before, "publication_incidents_open", "") + 1);
      assertThat(value(after, "publication_publish_failing", "retries=\"none\""))
          .as("not a publishing job")
          .isEqualTo(value(before, "publication_publish_failing", "retries=\"none\""));
    } finally {
      runtimeService.deleteProcessInstance(failing.getId(), "test over");
    }
  }

  private Job awaitFailure(ProcessInstance instance) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Job job =
          managementService
              .createJobQuery()
              .processInstanceId(instance.getId())
              .withException()
              .singleResult();
      if (job != null) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the job did not fail within 30 s");
  }

  private void requestPreparedByTheClerk() {
    identityService.setAuthentication("reporter.clerk", List.of("reporter-clerk"));
    try {
      ProcessInstance started =
          runtimeService.startProcessInstanceByKey(
              "publicationRequest",
              Map.of(
                  "unit", "clerk",
                  "title", "ประกาศทดสอบการเฝ้าระวังระบบ",
                  "details", "ตัวเลขของระบบสำหรับผู้ดูแล",
                  "category", "other",
                  "urgent", false));
      taskService.complete(
          taskService
              .createTaskQuery()
              .processInstanceId(started.getId())
              .taskDefinitionKey("prepareRequest")
              .singleResult()
              .getId(),
          Map.of("reporterConfirmed", true));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The value of one series in Prometheus's text format; its labels must contain the text. */
  private static double value(String metrics, String name, String label) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    while (line.find()) {
      if (line.group(1) == null ? label.isEmpty() : line.group(1).contains(label)) {
        return Double.parseDouble(line.group(2));
      }
    }
    throw new AssertionError(
        "no series "
            + name
            + " with "
            + label
            + " in the metrics:\n"
            + metrics.lines().filter(l -> l.startsWith(name)).toList());
  }
}
