package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import th.go.municipal.publication.WebappBrowser;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;

/**
 * Tasklist's calls to the webapps' engine API ({@code /camunda/api/engine}) get our listeners'
 * refusals as the contract's JSON error with its status and Thai message; every other failure keeps
 * Camunda's own answer, which the webapps know how to show.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class WebappErrorTranslationTests {

  private static final String TASKS = "/camunda/api/engine/engine/default/task";

  @Autowired TestRestTemplate rest;

  @Autowired IdentityService identityService;

  @Autowired RuntimeService runtimeService;

  @Autowired TaskService taskService;

  @Autowired LostRaces races;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void refusalsOfATaskFormReachTasklistWithTheirStatusAndThaiMessage() throws Exception {
    // given a request that waits for the head's approval
    String taskId = approvalTask();
    WebappBrowser head = new WebappBrowser(rest.getRootUri());
    assertThat(head.logIn("head.clerk", "demo")).isEqualTo(200);

    // when the head returns it without a reason, then it is bad input naming the field
    HttpResponse<String> noReason =
        head.postJson(
            TASKS + "/" + taskId + "/submit-form",
            json.writeValueAsString(WebappBrowser.variables(Map.of("headDecision", "return"))));
    assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
    JsonNode invalid = json.readTree(noReason.body());
    assertThat(invalid.get("error").asText()).isEqualTo("invalid");
    assertThat(invalid.get("field").asText()).isEqualTo("headComment");
    assertThat(invalid.get("message").asText()).contains("headComment");

    // when the head approves a changed title, then it is a conflict: only the reporter changes it
    HttpResponse<String> changed =
        head.postJson(
            TASKS + "/" + taskId + "/submit-form",
            json.writeValueAsString(
                WebappBrowser.variables(
                    Map.of("headDecision", "approve", "title", "หัวข้อที่หัวหน้าแก้เอง"))));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
    assertThat(json.readTree(changed.body()).get("error").asText()).isEqualTo("conflict");
    assertThat(json.readTree(changed.body()).get("message").asText())
        .startsWith("แก้ไขข้อมูลคำขอได้เฉพาะในขั้นตอนจัดเตรียม");

    assertThat(taskService.createTaskQuery().taskId(taskId).count())
        .as("the refused task is still open")
        .isEqualTo(1);
  }

  @Test
  void otherFailuresKeepCamundasOwnAnswer() throws Exception {
    WebappBrowser reporter = new WebappBrowser(rest.getRootUri());
    assertThat(reporter.logIn("reporter.clerk", "demo")).isEqualTo(200);

    HttpResponse<String> missing = reporter.get(TASKS + "/does-not-exist");

    assertThat(missing.statusCode()).isEqualTo(404);
    JsonNode answer = json.readTree(missing.body());
    assertThat(answer.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(answer.has("error")).isFalse();
  }

  @Test
  void anEngineFailureOnATaskSomeoneElseJustCompletedIsTheLostRaceNotAServerError() {
    // The engine's NullPointerException when the loser reads the execution tree half gone: it
    // cannot be timed through HTTP, so the call being answered is set up as Jersey sees it.
    String taskId = approvalTask();
    Throwable halfGoneTree = new NullPointerException("getParent() is null");
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(
            new MockHttpServletRequest("POST", TASKS + "/" + taskId + "/submit-form")));
    try {
      assertThat(races.lostRace(halfGoneTree))
          .as("while the task is open the failure is the server's")
          .isEmpty();

      identityService.setAuthentication("head.clerk", List.of("head-clerk"));
      try {
        taskService.complete(taskId, Map.of("headDecision", "approve"));
      } finally {
        identityService.clearAuthentication();
      }

      assertThat(races.lostRace(halfGoneTree))
          .as("once someone else completed it, the caller lost a race")
          .get()
          .extracting(ApiError::error, ApiError::message)
          .containsExactly("conflict", ApiErrors.taskGone().message());
      assertThat(races.lostRace(new BadUserRequestException("bad request")))
          .as("a failure that is not a server error keeps its answer")
          .isEmpty();
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(
            new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/filter")));
    try {
      assertThat(races.lostRace(halfGoneTree)).as("a call on no task is no race").isEmpty();
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }

  private String approvalTask() {
    ProcessInstance started;
    identityService.setAuthentication("reporter.clerk", List.of("reporter-clerk"));
    try {
      started =
          runtimeService.startProcessInstanceByKey(
              "publicationRequest",
              Map.of(
                  "unit", "clerk",
                  "title", "ประกาศทดสอบข้อผิดพลาดใน Tasklist",
                  "details", "ทดสอบการปฏิเสธจากแบบฟอร์มงาน",
                  "category", "other",
                  "urgent", false));
      taskService.complete(task(started, "prepareRequest"), Map.of("reporterConfirmed", true));
    } finally {
      identityService.clearAuthentication();
    }
    return task(started, "approveRequest");
  }

  private String task(ProcessInstance process, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(process.getId())
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }
}
