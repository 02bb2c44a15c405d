package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.notification.MailOutboxRepository;

/**
 * As in the demo, with no mail server configured: e-mail goes to the outbox, the process ends, no
 * incident.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class InformationRequestWithoutMailServerTests {

  @Autowired ProcessEngine engine;

  @Autowired InquiryService inquiries;

  @Autowired InformationRequestRepository requests;

  @Autowired MailOutboxRepository outbox;

  @Test
  void answerIsKeptInTheOutboxAndTheRequestIsAnsweredWithoutAnIncident() {
    String reference =
        inquiries
            .submit(
                new InquiryFields(
                    InquiryKind.COMMENT,
                    "clerk",
                    "เสนอให้เพิ่มไฟส่องสว่าง",
                    "ซอยเทศบาล 5 มืดมากในเวลากลางคืน",
                    "สมหญิง ใจงาม",
                    "somying@example.com",
                    null),
                "test-address-" + UUID.randomUUID(),
                UUID.randomUUID().toString())
            .referenceNumber();
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reference)
            .singleResult();

    init(engine);
    engine.getIdentityService().setAuthentication("head.clerk", List.of("head-clerk"));
    try {
      engine
          .getTaskService()
          .complete(task(pi).getId(), Map.of("answer", "ได้ส่งเรื่องให้กองช่างติดตั้งไฟเพิ่มแล้ว"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_RequesterAnswered");
    assertThat(
            engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isZero();
    // Besides the staff's notice of the task (queued), the requester's answer is kept.
    assertThat(outbox.findByReferenceOrderByIdAsc(reference))
        .filteredOn(kept -> kept.getNextAttemptAt() == null)
        .singleElement()
        .satisfies(
            kept -> {
              assertThat(kept.getRecipients()).isEqualTo("somying@example.com");
              assertThat(kept.getSubject()).startsWith("[" + reference + "] คำตอบจาก");
              assertThat(kept.getBody()).contains("ได้ส่งเรื่องให้กองช่างติดตั้งไฟเพิ่มแล้ว");
            });
    assertThat(requests.findById(reference).orElseThrow().getStatus())
        .as("answered, but not sent: nobody pretends the e-mail went out")
        .isEqualTo(InquiryStatus.ANSWERED);
  }
}
