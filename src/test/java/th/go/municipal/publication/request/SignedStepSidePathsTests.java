package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.municipal.publication.EngineRestClient.completion;
import static th.go.municipal.publication.EngineRestClient.requestFields;
import static th.go.municipal.publication.EngineRestClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;
import th.go.municipal.publication.WebappBrowser;

/**
 * Issue 8, point 1, through the real HTTP API: whatever a step decides is one value, set when the
 * step is completed and read from one place. Task-local variables that would shadow the signed unit
 * or decision, variables only the service sets (signatures, the initiator) and writes between steps
 * are refused by the engine, for every client and every user, administrators included.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class SignedStepSidePathsTests {

  @Autowired TestRestTemplate rest;

  private EngineRestClient reporter;
  private EngineRestClient head;
  private EngineRestClient otherHead;
  private EngineRestClient admin;
  private EngineRestClient auditor;

  @BeforeEach
  void users() {
    reporter = new EngineRestClient(rest.getRootUri(), "reporter.clerk");
    head = new EngineRestClient(rest.getRootUri(), "head.clerk");
    otherHead = new EngineRestClient(rest.getRootUri(), "head.finance");
    admin = new EngineRestClient(rest.getRootUri(), "admin");
    auditor = new EngineRestClient(rest.getRootUri(), "auditor");
  }

  @Test
  void aTaskLocalUnitCannotSendTheApprovalToAnotherUnitsHead() throws Exception {
    String instance =
        reporter.startRequest(requestFields("clerk", "ประกาศรับสมัครงาน")).get("id").asText();
    String prepare = reporter.taskId(instance, "prepareRequest");
    Map<String, Object> finance = Map.of("value", "finance", "type", "String");

    // the reporter may work on the task, not write into it between times
    assertRefused(
        reporter.send("PUT", "/engine-rest/task/" + prepare + "/localVariables/unit", finance),
        403);
    assertRefused(
        reporter.send("PUT", "/engine-rest/task/" + prepare + "/variables/unit", finance), 403);
    assertRefused(
        reporter.send(
            "POST",
            "/engine-rest/task/" + prepare + "/localVariables",
            Map.of("modifications", Map.of("unit", finance))),
        403);
    // nor add another unit's head as a candidate
    assertRefused(
        reporter.send(
            "POST",
            "/engine-rest/task/" + prepare + "/identity-links",
            Map.of("groupId", "head-finance", "type", "candidate")),
        403);
    // and the engine refuses a local variable even from an administrator
    JsonNode refused =
        assertRefused(
            admin.send("PUT", "/engine-rest/task/" + prepare + "/localVariables/unit", finance),
            403);
    assertThat(refused.get("message").asText()).contains("local variables are refused");

    assertThat(admin.call("GET", "/engine-rest/task/" + prepare + "/localVariables", null, 200))
        .as("nothing half-stored")
        .isEmpty();
    reporter.complete(prepare, Map.of("reporterConfirmed", true));

    assertThat(otherHead.call("GET", "/engine-rest/task?processInstanceId=" + instance, null, 200))
        .as("another unit's head never gets the task")
        .isEmpty();
    assertThat(head.taskId(instance, "approveRequest")).isNotBlank();
    assertThat(
            otherHead
                .send("GET", "/engine-rest/process-instance/" + instance + "/variables", null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theModelRoutesOnTheDecisionTheHeadSigned() throws Exception {
    JsonNode started = reporter.startRequest(requestFields("clerk", "ประกาศผลการประกวดราคา"));
    String instance = started.get("id").asText();
    String key = started.get("businessKey").asText();
    reporter.complete(
        reporter.taskId(instance, "prepareRequest"), Map.of("reporterConfirmed", true));
    String approve = head.taskId(instance, "approveRequest");
    Map<String, Object> approveValue = Map.of("value", "approve", "type", "String");

    assertRefused(
        head.send(
            "POST",
            "/engine-rest/task/" + approve + "/variables",
            Map.of("modifications", Map.of("headDecision", approveValue))),
        403);
    assertRefused(
        head.send(
            "PUT", "/engine-rest/task/" + approve + "/localVariables/headDecision", approveValue),
        403);
    assertRefused(
        admin.send(
            "PUT",
            "/engine-rest/task/" + approve + "/localVariables/headDecision",
            Map.of("value", "reject", "type", "String")),
        403);

    head.complete(approve, Map.of("headDecision", "reject", "headComment", "ข้อมูลไม่ครบถ้วน"));

    JsonNode request = reporter.call("GET", "/api/requests/" + key, null, 200);
    assertThat(request.get("status").asText()).isEqualTo("REJECTED");
    assertThat(
            auditor.call(
                "GET",
                "/engine-rest/history/activity-instance?processInstanceId="
                    + instance
                    + "&activityId=EndEvent_RequestRejected",
                null,
                200))
        .as("the model ended where the signature says")
        .hasSize(1);
    assertThat(
            auditor.call(
                "GET",
                "/engine-rest/history/task?processInstanceId="
                    + instance
                    + "&taskDefinitionKey=publishRequest",
                null,
                200))
        .isEmpty();
  }

  @Test
  void peopleCannotSetTheInitiatorOrWhatOnlyTheServiceSets() throws Exception {
    long before = requestsStarted();
    Map<String, Object> asSomeoneElse = new LinkedHashMap<>(requestFields("clerk", "ประกาศ"));
    asSomeoneElse.put("initiator", "reporter.finance");
    JsonNode initiator =
        assertRefused(
            reporter.send(
                "POST",
                "/engine-rest/process-definition/key/publicationRequest/start",
                Map.of("variables", variables(asSomeoneElse))),
            403);
    assertThat(initiator.get("field").isNull()).isTrue();
    assertThat(initiator.get("message").asText()).contains("initiator");

    for (String serviceOwned : new String[] {"reporterSignature", "requestKey", "somethingElse"}) {
      Map<String, Object> values = new LinkedHashMap<>(requestFields("clerk", "ประกาศ"));
      values.put(serviceOwned, "ปลอม");
      JsonNode refused =
          assertRefused(
              reporter.send(
                  "POST",
                  "/engine-rest/process-definition/key/publicationRequest/start",
                  Map.of("variables", variables(values))),
              403);
      assertThat(refused.get("message").asText()).contains(serviceOwned);
    }
    assertThat(requestsStarted()).as("nothing started, nothing numbered").isEqualTo(before);

    Map<String, Object> asSelf = new LinkedHashMap<>(requestFields("clerk", "ประกาศ"));
    asSelf.put("initiator", "reporter.clerk");
    assertThat(reporter.startRequest(asSelf).get("businessKey").asText()).startsWith("PR-");
  }

  @Test
  void aHeadCannotRewriteTheReporterSignatureThatTheWebmasterSees() throws Exception {
    JsonNode started = reporter.startRequest(requestFields("clerk", "ประกาศวันหยุดราชการ"));
    String instance = started.get("id").asText();
    reporter.complete(
        reporter.taskId(instance, "prepareRequest"), Map.of("reporterConfirmed", true));
    String approve = head.taskId(instance, "approveRequest");
    // in Tasklist, with the head's session
    WebappBrowser tasklist = new WebappBrowser(rest.getRootUri());
    assertThat(tasklist.logIn("head.clerk", "demo")).isEqualTo(200);
    HttpResponse<String> forged =
        tasklist.postJson(
            "/camunda/api/engine/engine/default/task/" + approve + "/submit-form",
            new ObjectMapper()
                .writeValueAsString(
                    completion(
                        Map.of(
                            "headDecision",
                            "approve",
                            "reporterSignature",
                            "วิเชียร ผู้นำ ตำแหน่ง นายกเทศมนตรี"))));
    assertThat(assertRefused(forged, 403).get("message").asText()).contains("reporterSignature");
    assertThat(head.taskId(instance, "approveRequest"))
        .as("the refused completion changed nothing")
        .isEqualTo(approve);
    admin.call(
        "GET",
        "/engine-rest/process-instance/" + instance + "/variables/reporterSignature",
        null,
        404);
    JsonNode record =
        head.call("GET", "/api/requests/" + started.get("businessKey").asText(), null, 200);
    assertThat(record.at("/signatures/0/role").asText()).isEqualTo("reporter");
    assertThat(record.at("/signatures/0/name").asText())
        .as("the forms show the reporter's signature from the service's record")
        .startsWith("สมชาย ใจดี");
  }

  private long requestsStarted() throws Exception {
    return auditor
        .call(
            "GET",
            "/engine-rest/history/process-instance/count?processDefinitionKey=publicationRequest",
            null,
            200)
        .get("count")
        .asLong();
  }

  private static JsonNode assertRefused(HttpResponse<String> response, int status)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = EngineRestClient.json(response.body());
    assertThat(error.has("error") && error.has("message")).as(response.body()).isTrue();
    assertThat(error.get("message").asText()).as("a Thai message").containsPattern("[ก-๙]");
    assertThat(response.body()).doesNotContain("Exception");
    return error;
  }
}
