package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * Every entry about a request carries its unit, whoever wrote it: the steps and end states the
 * models' listener records, and the operations people make through the engine (a claim), which also
 * get the request's number; so {@code GET /api/audit?unit=} finds them all. Operations on no
 * process (a user created in Admin) are chained without a unit.
 */
class AuditByUnitTests extends ProcessTestSupport {

  @Autowired AuditService audit;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void stepsEndStatesAndClaimsOfARequestCarryItsUnitAndAreFoundByIt() throws Exception {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    as("head.clerk", () -> engine.getTaskService().claim(task(pi).getId(), "head.clerk"));
    completeTask("head.clerk", task(pi), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job());

    List<AuditEntry> story = audit.storyOf(pi.getBusinessKey(), List.of(pi.getId()));
    assertThat(story)
        .extracting(AuditEntry::getAction)
        .as("the listener's steps and end state, and the engine's operations")
        .contains("prepareRequest", "approveRequest", "publishRequest", "Task.Claim")
        .anyMatch(action -> action.startsWith("EndEvent_"));
    assertThat(story)
        .allSatisfy(
            entry -> {
              assertThat(entry.getUnit()).as(entry.getAction()).isEqualTo("clerk");
              assertThat(entry.getSubjectKey())
                  .as(entry.getAction())
                  .isEqualTo(pi.getBusinessKey());
            });

    List<String> foundByUnit = actions("unit=clerk&businessKey=" + pi.getBusinessKey());
    assertThat(foundByUnit)
        .containsExactlyElementsOf(story.stream().map(AuditEntry::getAction).toList());
    assertThat(actions("unit=finance&businessKey=" + pi.getBusinessKey())).isEmpty();
  }

  @Test
  void incidentReportStepsCarryTheirUnit() throws Exception {
    ProcessInstance pi =
        as(
            "head.engineering",
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("incidentReport", Map.of("unit", "engineering")));
    completeTask(
        "head.engineering",
        task(pi),
        Map.of(
            "incidentAt", "2026-01-15T08:30",
            "incidentLocation", "ถนนเทศบาล ๓",
            "affectedCount", 40L,
            "damageArea", "ถนนยาว 200 เมตร",
            "cause", "ท่อประปาแตก",
            "remedy", "ปิดถนนและซ่อมท่อ"));

    assertThat(actions("unit=engineering&businessKey=" + pi.getBusinessKey()))
        .contains("reportIncident");
  }

  @Test
  void aUserCreatedInAdminIsChainedWithoutAUnit() throws Exception {
    String id = "new.staff." + System.nanoTime() % 100_000;
    as(
        "admin",
        () -> {
          User user = identityService.newUser(id);
          user.setFirstName("สมปอง");
          user.setLastName("ทดลอง");
          user.setPassword("not-demo-" + id);
          identityService.saveUser(user);
        });
    try {
      assertThat(audit.find(new AuditService.Filter(null, null, "admin", null, null), 0, 10_000))
          .filteredOn(entry -> "User.Create".equals(entry.getAction()))
          .last()
          .satisfies(
              entry -> {
                assertThat(entry.getUnit()).isNull();
                assertThat(entry.getSubjectKey()).isNull();
                assertThat(entry.getComment()).contains(id);
              });
    } finally {
      identityService.deleteUser(id);
    }
  }

  private List<String> actions(String query) throws Exception {
    String body =
        mvc.perform(
                get("/api/audit?size=200&" + query)
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> actions = new ArrayList<>();
    for (JsonNode item : json.readTree(body).get("items")) {
      actions.add(item.get("action").asText());
    }
    return actions;
  }
}
