package th.go.municipal.publication.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;

/** A head reports an urgent incident on its own, without any publication request. */
class IncidentReportProcessTests extends ProcessTestSupport {

  @Autowired IncidentReportRepository incidents;

  @Test
  void headReportsIncidentAloneAndMayorAcknowledgesIt() {
    ProcessInstance pi =
        as(
            "head.engineering",
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("incidentReport", Map.of("unit", "engineering")));
    assertThat(pi.getBusinessKey()).matches("IN-25\\d\\d-\\d{4}");
    assertThat(pi).isWaitingAt("reportIncident").task().hasCandidateGroup("head-engineering");

    completeTask("head.engineering", task(pi), facts());
    assertThat(pi).isWaitingAt("acknowledgeIncident", "Task_NotifyMayor");
    assertThat(task(pi)).hasCandidateGroup("mayor");

    execute(job(pi));
    assertThat(received())
        .as("one e-mail, to the mayor")
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                  .contains("mayor@demo.invalid");
              assertThat(mail.getSubject())
                  .startsWith("[เหตุเร่งด่วน] กองช่าง: ถนนเทศบาล ๓")
                  .contains(pi.getBusinessKey());
              assertThat((String) mail.getContent())
                  .contains("สาเหตุ: ท่อประปาแตก")
                  .contains("จำนวนผู้ได้รับผลกระทบ: 40 คน");
            });
    completeTask("mayor", task(pi), Map.of("mayorComment", "รับทราบ"));

    assertThat(pi).isEnded().hasPassed("EndEvent_IncidentAcknowledged", "EndEvent_MayorNotified");
    IncidentReport report = incidents.findById(pi.getBusinessKey()).orElseThrow();
    assertThat(report.getLocation()).isEqualTo("ถนนเทศบาล ๓");
    assertThat(report.getAffectedCount()).isEqualTo(40L);
    assertThat(report.getReportedBy()).isEqualTo("head.engineering");
    assertThat(report.getAcknowledgedBy()).isEqualTo("mayor");
    assertThat(report.getRequestKey()).isNull();
  }

  @Test
  void mayorWithoutAnEmailAddressFailsTheNoticeVisiblyInsteadOfSkippingIt() {
    org.camunda.bpm.engine.identity.User mayor =
        identityService.createUserQuery().userId("mayor").singleResult();
    String address = mayor.getEmail();
    mayor.setEmail(null);
    identityService.saveUser(mayor);
    try {
      ProcessInstance pi =
          as(
              "head.engineering",
              () ->
                  engine
                      .getRuntimeService()
                      .startProcessInstanceByKey("incidentReport", Map.of("unit", "engineering")));
      completeTask("head.engineering", task(pi), facts());

      assertThatThrownBy(() -> execute(job(pi))).hasMessageContaining("cannot reach the mayor");
      assertThat(job(pi).getRetries())
          .as("retried with back-off, then an incident in Cockpit")
          .isEqualTo(3);
      assertThat(pi).isWaitingAt("acknowledgeIncident", "Task_NotifyMayor");
    } finally {
      mayor.setEmail(address);
      identityService.saveUser(mayor);
    }
  }

  @Test
  void headMustGiveEveryFactTheAnnouncementAsksFor() {
    ProcessInstance pi =
        as(
            "head.engineering",
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("incidentReport", Map.of("unit", "engineering")));
    Map<String, Object> missingCause = new HashMap<>(facts());
    missingCause.remove("cause");

    assertThatThrownBy(() -> completeTask("head.engineering", task(pi), missingCause))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getMessage())
                    .startsWith("สาเหตุ (cause):"));
    Map<String, Object> negative = new HashMap<>(facts());
    negative.put("affectedCount", -3L);
    assertThatThrownBy(() -> completeTask("head.engineering", task(pi), negative))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("affectedCount"));
    assertThat(pi).isWaitingAt("reportIncident");
  }

  @Test
  void reporterCannotStartAnIncidentReportOnTheirOwn() {
    assertThatThrownBy(
            () ->
                as(
                    "reporter.engineering",
                    () ->
                        engine
                            .getRuntimeService()
                            .startProcessInstanceByKey(
                                "incidentReport", Map.of("unit", "engineering"))))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void headOfAnotherUnitCannotReportForThisUnit() {
    assertThatThrownBy(
            () ->
                as(
                    "head.finance",
                    () ->
                        engine
                            .getRuntimeService()
                            .startProcessInstanceByKey(
                                "incidentReport", Map.of("unit", "engineering"))))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getReason())
                    .isEqualTo(InputRejectedException.Reason.FORBIDDEN));
  }

  private static Map<String, Object> facts() {
    return Map.of(
        "incidentAt",
        "2026-11-25T05:45",
        "incidentLocation",
        "ถนนเทศบาล ๓",
        "affectedCount",
        40L,
        "damageArea",
        "ถนนทรุดตัวยาว ๒๐ เมตร",
        "cause",
        "ท่อประปาแตก",
        "remedy",
        "ปิดการจราจรชั่วคราวและซ่อมท่อภายใน ๒๔ ชั่วโมง");
  }
}
