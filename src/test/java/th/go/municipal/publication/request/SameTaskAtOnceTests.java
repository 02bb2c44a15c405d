package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.AtOnce;
import th.go.municipal.publication.StaffClient;
import th.go.municipal.publication.WebappBrowser;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.StaffDirectory;

/**
 * Two heads of the same unit act on the same approval at the same moment, through HTTP as they
 * would: one wins, the other is told in Thai that someone else was first (409), and nothing is
 * signed, audited or continued twice. Each race is run several times, since which of the engine's
 * guards catches the loser (its optimistic locking, or the task already gone) depends on timing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class SameTaskAtOnceTests {

  private static final String SECOND_HEAD = "head.clerk.deputy";
  private static final int RACES = 8;

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired RuntimeService runtimeService;

  @Autowired TaskService taskService;

  @Autowired AuditService audit;

  @Autowired RequestService requestService;

  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  private final ObjectMapper json = new ObjectMapper();
  private StaffClient staff;

  @BeforeEach
  void aSecondHeadOfTheSameUnit() {
    staff = new StaffClient("http://localhost:" + port);
    if (identityService.createUserQuery().userId(SECOND_HEAD).count() == 0) {
      User user = identityService.newUser(SECOND_HEAD);
      user.setFirstName("สมหญิง");
      user.setLastName("รองปลัด");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.setUserInfo(SECOND_HEAD, StaffDirectory.POSITION, "รองปลัดเทศบาล");
      identityService.createMembership(SECOND_HEAD, "head-clerk");
    }
  }

  @Test
  void twoHeadsCompletingTheSameApprovalAtOnceThroughTheRestApiApproveItOnce() throws Exception {
    for (int race = 0; race < RACES; race++) {
      ProcessInstance request = requestAwaitingApproval();
      String path = "/engine-rest/task/" + task(request, "approveRequest").getId() + "/complete";
      String body =
          json.writeValueAsString(
              Map.of(
                  "variables",
                  Map.of("headDecision", Map.of("value", "approve", "type", "String"))));

      List<HttpResponse<String>> answers =
          AtOnce.run(
              () -> staff.post("head.clerk", path, body),
              () -> staff.post(SECOND_HEAD, path, body));

      assertOneWinsAndTheOtherIsToldInThai(answers, 204);
      assertApprovedOnce(request);
    }
  }

  @Test
  void twoHeadsSubmittingTheSameApprovalFormAtOnceInTasklistApproveItOnce() throws Exception {
    WebappBrowser first = new WebappBrowser("http://localhost:" + port);
    WebappBrowser second = new WebappBrowser("http://localhost:" + port);
    assertThat(first.logIn("head.clerk", "demo")).isEqualTo(200);
    assertThat(second.logIn(SECOND_HEAD, "demo")).isEqualTo(200);
    for (int race = 0; race < RACES; race++) {
      ProcessInstance request = requestAwaitingApproval();
      String path =
          "/camunda/api/engine/engine/default/task/"
              + task(request, "approveRequest").getId()
              + "/submit-form";
      String body =
          json.writeValueAsString(WebappBrowser.variables(Map.of("headDecision", "approve")));

      List<HttpResponse<String>> answers =
          AtOnce.run(() -> first.postJson(path, body), () -> second.postJson(path, body));

      assertOneWinsAndTheOtherIsToldInThai(answers, 204);
      assertApprovedOnce(request);
    }
  }

  @Test
  void twoHeadsClaimingTheSameApprovalAtOnceLeaveItWithOneOfThem() throws Exception {
    for (int race = 0; race < RACES; race++) {
      ProcessInstance request = requestAwaitingApproval();
      String taskId = task(request, "approveRequest").getId();
      String path = "/engine-rest/task/" + taskId + "/claim";

      List<HttpResponse<String>> answers =
          AtOnce.run(
              () -> staff.post("head.clerk", path, "{\"userId\":\"head.clerk\"}"),
              () -> staff.post(SECOND_HEAD, path, "{\"userId\":\"" + SECOND_HEAD + "\"}"));

      assertOneWinsAndTheOtherIsToldInThai(answers, 204);
      String winner = answers.get(0).statusCode() == 204 ? "head.clerk" : SECOND_HEAD;
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
          .as("the task is the winner's")
          .isEqualTo(winner);
    }
  }

  @Test
  void completingATaskThatSomeoneElseCompletedIsAConflictNotAServerError() throws Exception {
    ProcessInstance request = requestAwaitingApproval();
    String path = "/engine-rest/task/" + task(request, "approveRequest").getId() + "/complete";
    String body =
        json.writeValueAsString(
            Map.of(
                "variables", Map.of("headDecision", Map.of("value", "approve", "type", "String"))));
    assertThat(staff.post("head.clerk", path, body).statusCode()).isEqualTo(204);

    HttpResponse<String> late = staff.post(SECOND_HEAD, path, body);

    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(json.readTree(late.body()).get("message").asText())
        .startsWith("งานนี้ไม่อยู่ในรายการงานแล้ว");
    assertApprovedOnce(request);
  }

  @Test
  void aHeadWhoseFormWasReadBeforeTheOtherHeadSignedIsToldTheyLostTheRace() {
    ProcessInstance request = requestAwaitingApproval();
    Task approval = task(request, "approveRequest");
    // What the second head's form sent: the variables as they were before the first head signed.
    Map<String, Object> readBefore =
        new java.util.HashMap<>(taskService.getVariables(approval.getId()));
    readBefore.put("headDecision", "approve");
    identityService.setAuthentication("head.clerk", List.of("head-clerk"));
    try {
      taskService.complete(approval.getId(), Map.of("headDecision", "approve"));
    } finally {
      identityService.clearAuthentication();
    }

    InputRejectedException late =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InputRejectedException.class,
            () ->
                new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                    .executeWithoutResult(
                        status ->
                            requestService.signAsHead(
                                SECOND_HEAD,
                                request.getBusinessKey(),
                                readBefore,
                                List.of(),
                                java.time.Instant.now())));

    assertThat(late).as("refused").isNotNull();
    assertThat(late.getReason()).isEqualTo(InputRejectedException.Reason.CONFLICT);
    assertThat(late.isLostRace()).as("a lost race, not a refusal to keep in the trail").isTrue();
    assertThat(late.getMessage()).startsWith("งานนี้ไม่อยู่ในรายการงานแล้ว");
    assertApprovedOnce(request);
  }

  private void assertOneWinsAndTheOtherIsToldInThai(List<HttpResponse<String>> answers, int success)
      throws Exception {
    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .as(
            "one wins, the other lost a race: %s",
            answers.stream().map(HttpResponse::body).toList())
        .containsExactlyInAnyOrder(success, 409);
    HttpResponse<String> lost =
        answers.get(0).statusCode() == 409 ? answers.get(0) : answers.get(1);
    JsonNode error = json.readTree(lost.body());
    assertThat(error.get("error").asText()).isEqualTo("conflict");
    String message = error.get("message").asText();
    assertThat(message)
        .as("a Thai sentence telling the loser to reload")
        .matches("^[\\u0E00-\\u0E7F].*")
        .contains("โหลด");
    String thai = message.substring(0, message.indexOf(" ("));
    assertThat(message.split(java.util.regex.Pattern.quote(thai), -1))
        .as("said once, not repeated or wrapped in another message: %s", message)
        .hasSize(2);
  }

  private void assertApprovedOnce(ProcessInstance request) {
    assertThat(taskService.createTaskQuery().processInstanceId(request.getId()).list())
        .extracting(Task::getTaskDefinitionKey)
        .as("the request went on to the webmaster once")
        .containsExactly("publishRequest");
    String key = request.getBusinessKey();
    List<AuditEntry> byHeads =
        audit.trailOf(key).stream()
            .filter(e -> e.getActor().equals("head.clerk") || e.getActor().equals(SECOND_HEAD))
            .toList();
    assertThat(byHeads).as("the approval's audit entries").isNotEmpty();
    assertThat(byHeads.stream().map(AuditEntry::getActor).distinct())
        .as("all by the one head who won")
        .hasSize(1);
    assertThat(byHeads.stream().map(e -> e.getRole() + "/" + e.getAction()).toList())
        .as("each entry of the approval once")
        .doesNotHaveDuplicates();
    assertThat(audit.verify().intact()).as("the audit trail verifies").isTrue();
  }

  private ProcessInstance requestAwaitingApproval() {
    identityService.setAuthentication("reporter.clerk", List.of("reporter-clerk"));
    try {
      ProcessInstance started =
          runtimeService.startProcessInstanceByKey(
              "publicationRequest",
              Map.of(
                  "unit", "clerk",
                  "title", "ประกาศทดสอบการอนุมัติพร้อมกัน",
                  "details", "หัวหน้าสองคนอนุมัติคำขอเดียวกันในเวลาเดียวกัน",
                  "category", "other",
                  "urgent", false));
      taskService.complete(
          task(started, "prepareRequest").getId(), Map.of("reporterConfirmed", true));
      return started;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(ProcessInstance process, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(process.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** Both calls released at the same instant; their answers in the order given. */
}
