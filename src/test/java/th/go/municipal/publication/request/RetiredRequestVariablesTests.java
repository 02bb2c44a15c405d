package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * A request started by an earlier version, which kept signatures and findings as variables, goes on
 * after the upgrade once those variables are removed at start; another process's variable of the
 * same name is left alone.
 */
class RetiredRequestVariablesTests extends ProcessTestSupport {

  @Autowired RetiredRequestVariables retired;

  @Test
  void aRequestStartedBeforeTheUpgradeIsApprovedOnceItsOldVariablesAreRemoved() {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    // as the earlier version left it
    engine
        .getRuntimeService()
        .setVariables(
            pi.getId(),
            Map.of(
                "reporterSignature", "สมชาย ใจดี ตำแหน่ง นักประชาสัมพันธ์",
                "personalDataFound", false,
                "attachmentsSummary", ""));
    ProcessInstance report =
        startQuarterlyReport(
            "webmaster", Map.of("fiscalYear", "2583", "quarter", "1", "returnReason", "ของรายงาน"));
    assertThatThrownBy(
            () -> completeTask("head.clerk", task(pi), Map.of("headDecision", "approve")))
        .as("the step holds those names unset")
        .hasRootCauseInstanceOf(InputRejectedException.class)
        .hasMessageContaining("reporterSignature");

    retired.removeFromRunningRequests();

    assertThat(pi).variables().doesNotContainKeys("reporterSignature", "personalDataFound");
    assertThat(report)
        .as("another process's variable of the same name")
        .variables()
        .containsEntry("returnReason", "ของรายงาน");
    completeTask("head.clerk", task(pi), Map.of("headDecision", "approve"));
    assertThat(pi).isWaitingAt("publishRequest");
  }
}
