package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Every path through the informationRequest model, with the demo users and a GreenMail mail server.
 */
class InformationRequestProcessTests extends InquiryTestSupport {

  static final String ANSWER_TASK = "answerInformationRequest";

  @Autowired AuditService audit;

  @Test
  void answeredRequestIsEmailedToTheRequesterInThai() throws Exception {
    ProcessInstance pi = submitRequest(InquiryKind.INFORMATION, "finance");
    String reference = pi.getBusinessKey();
    assertThat(reference).matches("IR-25\\d\\d-\\d{4}");
    assertThat(pi)
        .isWaitingAt(ANSWER_TASK)
        .task()
        .hasCandidateGroup("head-finance")
        .hasCandidateGroup("reporter-finance")
        .hasDueDate(Date.from(load(reference).getDueAt()));
    assertThat(pi)
        .variables()
        .containsEntry("unitName", "กองคลัง")
        .containsEntry("requesterEmailMasked", "so***@example.com")
        .doesNotContainKey("requesterEmail");

    completeTask(
        "head.finance",
        task(pi),
        Map.of("answer", "เก็บขยะทุกวันอังคารและวันศุกร์ เวลา 06.00 น.", "answerChannel", "phone"));
    assertThat(pi).isWaitingAt("Task_SendAnswerToRequester");
    assertThat(received()).as("nothing is sent before the sending job runs").isEmpty();

    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_RequesterAnswered");
    MimeMessage mail = received().get(0);
    assertThat(received()).hasSize(1);
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
        .containsExactly("somying@example.com");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
        .isEqualTo("saraban@example.go.th");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal())
        .isEqualTo("เทศบาลเมืองตัวอย่าง");
    assertThat(mail.getSubject())
        .isEqualTo("[" + reference + "] คำตอบจากเทศบาลเมืองตัวอย่าง: ขอทราบกำหนดการเก็บขยะในชุมชน");
    assertThat((String) mail.getContent())
        .contains(
            "เรียน คุณสมหญิง ใจงาม",
            reference,
            "เก็บขยะทุกวันอังคารและวันศุกร์ เวลา 06.00 น.",
            "ทางโทรศัพท์",
            "ผู้ตอบ: ประเสริฐ ทองดี ตำแหน่ง ผู้อำนวยการกองคลัง");
    InformationRequest stored = load(reference);
    assertThat(stored.getStatus()).isEqualTo(InquiryStatus.ANSWER_SENT);
    assertThat(stored.getAnsweredBy()).isEqualTo("head.finance");
    assertThat(stored.getAnswerChannel()).isEqualTo("phone");
    assertThat(audit.trailOf(reference))
        .extracting(AuditEntry::getAction)
        .containsExactly(
            "submitInformationRequest",
            ANSWER_TASK,
            "Task.Complete",
            "sendAnswerToRequester",
            "EndEvent_RequesterAnswered");
    assertThat(audit.trailOf(reference).get(1).getActor()).isEqualTo("head.finance");
    assertThat(audit.trailOf(reference).get(2).getActor())
        .as("the engine's log of the same completion")
        .isEqualTo("head.finance");
  }

  @Test
  void reminderTimerEmailsTheUnitsHeadsThreeDaysBeforeTheDeadline() throws Exception {
    ProcessInstance pi = submitRequest(InquiryKind.COMMENT, "clerk");
    Job timer = jobAt(pi, "Event_DeadlineApproaching");
    assertThat(timer.getDuedate().toInstant())
        .isEqualTo(load(pi.getBusinessKey()).getDueAt().minus(Duration.ofDays(3)));

    execute(timer);
    assertThat(pi).isWaitingAt(ANSWER_TASK, "Task_SendReminder");
    execute(jobAt(pi, "Task_SendReminder"));

    assertThat(pi).hasPassed("EndEvent_UnitReminded").isWaitingAt(ANSWER_TASK);
    assertThat(received()).hasSize(1);
    MimeMessage mail = received().get(0);
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
        .containsExactly("head.clerk@demo.invalid");
    assertThat(mail.getSubject())
        .startsWith(
            "[" + pi.getBusinessKey() + "] แจ้งเตือน: เรื่องจากประชาชนจะครบกำหนดตอบวันที่ ");
    assertThat((String) mail.getContent())
        .contains(
            "เรียน หัวหน้าสำนักปลัดเทศบาล",
            pi.getBusinessKey(),
            "แสดงความคิดเห็น/ข้อเสนอแนะ",
            "/camunda/app/tasklist/")
        .as("staff e-mail carries none of the requester's personal data")
        .doesNotContain("somying", "สมหญิง", "081-234-5678");
    assertThat(load(pi.getBusinessKey()).getRemindedAt()).isNotNull();
  }

  @Test
  void deadlinePassingEscalatesToTheMayorAndTheClerkHeadWhileTheUnitKeepsItsTask()
      throws Exception {
    ProcessInstance pi = submitRequest(InquiryKind.COMPLAINT, "engineering");
    assertThat(jobAt(pi, "Event_DeadlinePassed").getDuedate().toInstant())
        .isEqualTo(load(pi.getBusinessKey()).getDueAt());

    execute(jobAt(pi, "Event_DeadlinePassed"));
    execute(jobAt(pi, "Task_EscalateOverdue"));

    assertThat(pi).hasPassed("EndEvent_OverdueEscalated").isWaitingAt(ANSWER_TASK);
    assertThat(received()).as("delivered once to each of the three recipients").hasSize(3);
    assertThat(received())
        .extracting(MimeMessage::getMessageID)
        .as("the three deliveries are one e-mail")
        .containsOnly(received().get(0).getMessageID());
    MimeMessage mail = received().get(0);
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
        .containsExactly(
            "mayor@demo.invalid", "head.clerk@demo.invalid", "head.engineering@demo.invalid");
    assertThat(mail.getSubject())
        .isEqualTo(
            "["
                + pi.getBusinessKey()
                + "] เลยกำหนดตอบ: เรื่องจากประชาชนยังไม่ได้รับคำตอบภายใน 15 วัน");
    assertThat((String) mail.getContent()).contains("ร้องเรียน", "กองช่าง", pi.getBusinessKey());
    assertThat(load(pi.getBusinessKey()).getEscalatedAt()).isNotNull();

    // The unit still answers after the deadline; its reporter may answer too.
    MAIL.purgeEmailFromAllMailboxes();
    completeTask(
        "reporter.engineering",
        task(pi),
        Map.of("answer", "กองช่างได้ซ่อมไฟถนนแล้วเมื่อวันที่ 20"));
    execute(jobAt(pi, "Task_SendAnswerToRequester"));
    assertThat(pi).isEnded().hasPassed("EndEvent_RequesterAnswered", "EndEvent_OverdueEscalated");
    assertThat(received()).hasSize(1);
    assertThat(load(pi.getBusinessKey()).getAnswerChannel())
        .as("e-mail only unless said otherwise")
        .isEqualTo("email");
  }

  @Test
  void mailServerDownFailsTheSendingJobWithBackOffThenRaisesAnIncidentAndKeepsTheAnswer()
      throws Exception {
    ProcessInstance pi = submitRequest(InquiryKind.INFORMATION, "health");
    completeTask("head.health", task(pi), Map.of("answer", "ตรวจคุณภาพน้ำประปาทุกเดือน"));
    MAIL.stop();
    try {
      assertThatThrownBy(() -> execute(jobAt(pi, "Task_SendAnswerToRequester")))
          .hasMessageContaining("Mail");
      Job retried = jobAt(pi, "Task_SendAnswerToRequester");
      assertThat(retried.getRetries()).as("three retries remain: R PT1M,PT10M,PT1H").isEqualTo(3);
      assertThat(retried.getDuedate()).as("retried after a back-off, not at once").isInTheFuture();
      for (int attempt = 1; attempt < 4; attempt++) {
        assertThatThrownBy(() -> execute(jobAt(pi, "Task_SendAnswerToRequester")))
            .hasMessageContaining("Mail");
      }
      assertThat(jobAt(pi, "Task_SendAnswerToRequester").getRetries()).isZero();
      assertThat(
              engine
                  .getRuntimeService()
                  .createIncidentQuery()
                  .processInstanceId(pi.getId())
                  .count())
          .isEqualTo(1);
      assertThat(pi).isWaitingAt("Task_SendAnswerToRequester");
      assertThat(load(pi.getBusinessKey()).getStatus())
          .as("the answer is kept")
          .isEqualTo(InquiryStatus.ANSWERED);
    } finally {
      MAIL.start();
    }

    // An administrator retries from Cockpit once the mail server is back.
    engine.getManagementService().setJobRetries(jobAt(pi, "Task_SendAnswerToRequester").getId(), 1);
    execute(jobAt(pi, "Task_SendAnswerToRequester"));
    assertThat(pi).isEnded().hasPassed("EndEvent_RequesterAnswered");
    assertThat(received()).hasSize(1);
    assertThat((String) received().get(0).getContent()).contains("ตรวจคุณภาพน้ำประปาทุกเดือน");
  }

  @Test
  void missingOrOverlongAnswerIsRefusedWithThaiMessageNamingTheField() {
    ProcessInstance pi = submitRequest(InquiryKind.INFORMATION, "education");

    assertThatThrownBy(() -> completeTask("head.education", task(pi), Map.of("answer", "  ")))
        .satisfies(
            e -> {
              InputRejectedException rejected = ApiErrors.find(e, InputRejectedException.class);
              assertThat(rejected.getField()).isEqualTo("answer");
              assertThat(rejected.getMessage()).startsWith("คำตอบ (answer): กรุณากรอกข้อมูล");
            });
    assertThatThrownBy(
            () -> completeTask("head.education", task(pi), Map.of("answer", "ก".repeat(5001))))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getMessage())
                    .startsWith("คำตอบ (answer): ยาวเกิน 5000"));
    assertThatThrownBy(
            () ->
                completeTask(
                    "head.education",
                    task(pi),
                    Map.of("answer", "ตอบแล้ว", "answerChannel", "fax")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("answerChannel"));

    assertThat(pi).isWaitingAt(ANSWER_TASK);
    assertThat(load(pi.getBusinessKey()).isAnswered()).isFalse();
  }

  @Test
  void staffOfAnotherUnitNeitherSeesNorAnswersTheRequest() {
    ProcessInstance pi = submitRequest(InquiryKind.COMPLAINT, "clerk");
    Task answer = task(pi);

    long visible =
        as(
            "head.finance",
            () -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count());
    assertThat(visible).isZero();
    assertThatThrownBy(
            () ->
                completeTask("head.finance", answer, Map.of("answer", "ไม่ใช่หน่วยงานของข้าพเจ้า")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt(ANSWER_TASK);
  }

  @Test
  void requestsAreCountedPerKindPerMonthAndFiscalYear() {
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    int fiscalYear = ThaiDates.fiscalYear(today);
    Map<InquiryKind, Long> yearBefore = requests.countPerKindInFiscalYear(fiscalYear);
    long monthBefore = informationThisMonth(today);

    submitRequest(InquiryKind.INFORMATION, "clerk");
    submitRequest(InquiryKind.INFORMATION, "finance");
    submitRequest(InquiryKind.COMPLAINT, "audit");

    Map<InquiryKind, Long> yearAfter = requests.countPerKindInFiscalYear(fiscalYear);
    assertThat(yearAfter.get(InquiryKind.INFORMATION) - yearBefore.get(InquiryKind.INFORMATION))
        .isEqualTo(2);
    assertThat(yearAfter.get(InquiryKind.COMPLAINT) - yearBefore.get(InquiryKind.COMPLAINT))
        .isEqualTo(1);
    assertThat(yearAfter.get(InquiryKind.COMMENT)).isEqualTo(yearBefore.get(InquiryKind.COMMENT));
    assertThat(requests.countPerKindInFiscalYear(fiscalYear - 1).values())
        .as("last fiscal year")
        .containsOnly(0L);
    assertThat(informationThisMonth(today) - monthBefore).isEqualTo(2);
  }

  private long informationThisMonth(LocalDate today) {
    List<MonthlyKindCount> counts =
        requests
            .countPerMonthAndKind(today.withDayOfMonth(1), today.withDayOfMonth(1).plusMonths(1))
            .stream()
            .filter(c -> c.kind().equals("information"))
            .toList();
    assertThat(counts)
        .as("counted in this month only")
        .allSatisfy(
            c ->
                assertThat(List.of(c.year(), c.month()))
                    .containsExactly(today.getYear(), today.getMonthValue()));
    return counts.stream().mapToLong(MonthlyKindCount::count).sum();
  }

  private InformationRequest load(String reference) {
    return requests.findById(reference).orElseThrow();
  }
}
