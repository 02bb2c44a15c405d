package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;

/**
 * PDPA: an answered information request keeps its requester's personal data for the configured
 * period after the answer, then loses it, in the table and in the process history, with an entry in
 * the audit trail; what the monitoring report counts stays, an unanswered request keeps its data,
 * and a second run changes nothing. The clock is moved to just before and just after the period.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class PersonalDataRetentionTests {

  @Autowired ProcessEngine engine;

  @Autowired InquiryService inquiries;

  @Autowired InformationRequestRepository requests;

  @Autowired PersonalDataRetention retention;

  @Autowired InquiryProperties properties;

  @Autowired AuditService audit;

  @Autowired Clock clock;

  @Test
  void answeredRequestLosesItsPersonalDataAfterTheRetentionPeriodAndTheErasureIsAudited() {
    init(engine);
    String answered = submit("clerk");
    String unanswered = submit("clerk");
    ProcessInstance pi = processOf(answered);
    engine.getIdentityService().setAuthentication("head.clerk", List.of("head-clerk"));
    try {
      engine.getTaskService().complete(task(pi).getId(), Map.of("answer", "ติดตั้งไฟแล้ว"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    execute(jobQuery().processInstanceId(pi.getId()).singleResult());
    assertThat(pi).isEnded();
    Duration period = properties.getPersonalDataRetention();
    Instant now = clock.instant();

    assertThat(retention.anonymiseDue(now.plus(period).minus(Duration.ofDays(1))))
        .as("a day before the period ends")
        .doesNotContain(answered, unanswered);
    assertThat(requests.findById(answered).orElseThrow().getRequesterName())
        .isEqualTo("สมหญิง ใจงาม");

    assertThat(retention.anonymiseDue(now.plus(period).plus(Duration.ofDays(1))))
        .as("a day after")
        .contains(answered)
        .doesNotContain(unanswered);

    InformationRequest erased = requests.findById(answered).orElseThrow();
    assertThat(erased.getRequesterName()).isEmpty();
    assertThat(erased.getRequesterEmail()).isEmpty();
    assertThat(erased.getRequesterPhone()).isNull();
    assertThat(erased.getRequesterIpHash()).isEmpty();
    assertThat(erased.getMessage()).isEmpty();
    assertThat(erased.getAnonymisedAt()).isNotNull();
    assertThat(erased.getSubject()).isEqualTo("ขอติดตั้งไฟส่องสว่าง");
    assertThat(erased.getUnit()).isEqualTo("clerk");
    assertThat(erased.getAnswer()).isEqualTo("ติดตั้งไฟแล้ว");
    assertThat(erased.getReceivedOn()).isNotNull();
    assertThat(inquiries.findForRequester(answered, "somying@example.com")).isEmpty();

    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .as("personal data gone from the process history, the rest kept")
        .doesNotContainAnyElementsOf(PersonalDataRetention.PERSONAL_VARIABLES)
        .contains("subject", "unit", "answer");
    assertThat(requests.findById(unanswered).orElseThrow().getRequesterName())
        .as("not answered yet: still needed")
        .isEqualTo("สมหญิง ใจงาม");

    List<AuditEntry> trail = audit.trailOf(answered);
    assertThat(trail)
        .filteredOn(e -> PersonalDataRetention.ACTION.equals(e.getAction()))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getUnit()).isEqualTo("clerk");
              assertThat(entry.getComment()).contains("PDPA").doesNotContain("สมหญิง");
            });
    assertThat(audit.verify().intact()).isTrue();

    assertThat(retention.anonymiseDue(now.plus(period).plus(Duration.ofDays(2))))
        .as("nothing twice")
        .doesNotContain(answered);
    assertThat(audit.trailOf(answered)).hasSameSizeAs(trail);
  }

  private String submit(String unit) {
    return inquiries
        .submit(
            new InquiryFields(
                InquiryKind.COMMENT,
                unit,
                "ขอติดตั้งไฟส่องสว่าง",
                "ซอยเทศบาล 5 มืดมากในเวลากลางคืน บ้านเลขที่ 12 ของดิฉันอยู่ท้ายซอย",
                "สมหญิง ใจงาม",
                "somying@example.com",
                "081-234-5678"),
            "test-address-" + UUID.randomUUID(),
            UUID.randomUUID().toString())
        .referenceNumber();
  }

  private ProcessInstance processOf(String reference) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(reference)
        .singleResult();
  }
}
