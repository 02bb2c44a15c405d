package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.PublishedItems;
import th.go.municipal.publication.publishing.WebsiteAdministration;
import th.go.municipal.publication.request.RequestSignature.Role;

/** Every path through the publication-request model, driven as the demo users would in Tasklist. */
class PublicationRequestProcessTests extends ProcessTestSupport {

  static final String REPORTER = "reporter.clerk";
  static final String HEAD = "head.clerk";
  static final String WEBMASTER = "webmaster";
  static final String PUBLISH_TASK = "Task_PublishToWebsite";

  @Autowired PublicationRequestRepository requests;

  @Autowired RequestSignatureRepository signatures;

  @Autowired PublishedItems published;

  @Autowired AuditService audit;

  @Autowired WebsiteAdministration administration;

  @Test
  void approvedRequestIsSignedThreeTimesAndPublishedOnce() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    String key = pi.getBusinessKey() == null ? businessKeyOf(pi) : pi.getBusinessKey();
    assertThat(key).matches("PR-25\\d\\d-\\d{4}");
    assertThat(pi).isWaitingAt("prepareRequest").task().isAssignedTo(REPORTER);

    signAsReporter(pi);
    assertThat(pi).isWaitingAt("approveRequest").task().hasCandidateGroup("head-clerk");
    assertThat(requests.findById(key))
        .get()
        .extracting(PublicationRequest::getStatus)
        .isEqualTo(RequestStatus.AWAITING_APPROVAL);

    decideAsHead(pi, "approve", null);
    assertThat(pi).isWaitingAt("publishRequest").task().hasCandidateGroup("webmaster");
    assertThat(signatures.findByBusinessKeyOrderByIdAsc(key))
        .extracting(RequestSignature::getRole, RequestSignature::getUserId)
        .containsExactly(tuple(Role.REPORTER, REPORTER), tuple(Role.APPROVER, "head.clerk"));
    assertThat(pi)
        .as("the forms read the signatures from the service's record, not from variables")
        .variables()
        .doesNotContainKeys("reporterSignature", "approverSignature", "attachmentsSummary");

    decideAsWebmaster(pi, "publish", null);
    assertThat(pi).isWaitingAt(PUBLISH_TASK);
    assertThat(published.find(key)).as("nothing is public before the publishing job ran").isEmpty();

    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished", "EndEvent_NoIncident");
    assertThat(requests.findById(key))
        .get()
        .extracting(PublicationRequest::getStatus)
        .isEqualTo(RequestStatus.PUBLISHED);
    assertThat(published.find(key))
        .get()
        .satisfies(
            item -> {
              assertThat(item.title()).isEqualTo("ประกาศรับสมัครพนักงานจ้างทั่วไป");
              assertThat(item.publishedBy()).isEqualTo(WEBMASTER);
              assertThat(item.publicUrl()).endsWith("/items/" + key);
            });
    List<RequestSignature> signed = signatures.findByBusinessKeyOrderByIdAsc(key);
    assertThat(signed)
        .extracting(
            RequestSignature::getRole, RequestSignature::getUserId, RequestSignature::getPosition)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RequestSignature.Role.REPORTER, REPORTER, "นักประชาสัมพันธ์"),
            org.assertj.core.groups.Tuple.tuple(RequestSignature.Role.APPROVER, HEAD, "ปลัดเทศบาล"),
            org.assertj.core.groups.Tuple.tuple(
                RequestSignature.Role.PUBLISHER, WEBMASTER, "นักวิชาการคอมพิวเตอร์"));
    assertThat(signed.get(0).getFullName()).isEqualTo("สมชาย ใจดี");
    assertThat(audit.trailOf(key))
        .extracting(AuditEntry::getAction)
        .containsExactly(
            "submitRequest",
            "EndEvent_NoIncident",
            // the engine's own log of each call, chained as its transaction commits
            "ProcessInstance.Create",
            "signContent",
            "sign",
            "prepareRequest",
            "Task.Complete",
            "sign",
            "approveRequest",
            "Task.Complete",
            "sign",
            "publishRequest",
            "Task.Complete",
            "publishToWebsite",
            "storeSignedForm",
            "EndEvent_RequestPublished");
    assertThat(audit.verify().intact()).as("the audit chain is intact").isTrue();
  }

  @Test
  void headReturnsRequestThenApprovesIt() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);

    decideAsHead(pi, "return", "กรุณาแก้ไขจำนวนอัตราให้ถูกต้อง");

    assertThat(pi).isWaitingAt("prepareRequest").task().isAssignedTo(REPORTER);
    assertThat(latestSignature(pi))
        .extracting(
            RequestSignature::getRole, RequestSignature::getDecision, RequestSignature::getComment)
        .containsExactly(Role.APPROVER, "return", "กรุณาแก้ไขจำนวนอัตราให้ถูกต้อง");
    Map<String, Object> fixed = validRequest();
    fixed.put("title", "ประกาศรับสมัครพนักงานจ้างทั่วไป จำนวน ๒ อัตรา");
    fixed.put("reporterConfirmed", true);
    completeTask(REPORTER, task(pi), fixed);
    assertThat(pi).isWaitingAt("approveRequest");
    assertThat(variable(pi, "headDecision")).as("the earlier round's decision is cleared").isNull();

    decideAsHead(pi, "approve", null);
    decideAsWebmaster(pi, "publish", null);
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished");
    assertThat(published.find(pi.getBusinessKey()))
        .get()
        .extracting(i -> i.title())
        .isEqualTo("ประกาศรับสมัครพนักงานจ้างทั่วไป จำนวน ๒ อัตรา");
  }

  @Test
  void headRejectsRequestAndNothingIsPublished() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);

    decideAsHead(pi, "reject", "ข้อมูลนี้เป็นข้อมูลที่ไม่ต้องเปิดเผยตามมาตรา ๑๕");

    assertThat(pi).isEnded().hasPassed("EndEvent_RequestRejected").hasNotPassed(PUBLISH_TASK);
    assertThat(requests.findById(pi.getBusinessKey()))
        .get()
        .extracting(PublicationRequest::getStatus)
        .isEqualTo(RequestStatus.REJECTED);
    assertThat(published.find(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void webmasterReturnsRequestThenPublishesIt() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);
    decideAsHead(pi, "approve", null);

    decideAsWebmaster(pi, "return", "ลิงก์ภายนอกเปิดไม่ได้ กรุณาตรวจสอบ");

    assertThat(pi).isWaitingAt("prepareRequest");
    assertThat(latestSignature(pi))
        .extracting(
            RequestSignature::getRole, RequestSignature::getDecision, RequestSignature::getComment)
        .containsExactly(Role.PUBLISHER, "return", "ลิงก์ภายนอกเปิดไม่ได้ กรุณาตรวจสอบ");
    signAsReporter(pi);
    assertThat(pi)
        .as("a returned request needs the head's approval again")
        .isWaitingAt("approveRequest");
    decideAsHead(pi, "approve", null);
    decideAsWebmaster(pi, "publish", null);
    execute(job());
    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished");
  }

  @Test
  void urgentRequestReportsIncidentToMayorAlongsideAndRejectionDoesNotCancelIt() {
    Map<String, Object> urgent = validRequest();
    urgent.put("urgent", true);
    urgent.put("incidentLocation", "ตลาดสดเทศบาล");
    ProcessInstance pi = startRequest(REPORTER, urgent);

    assertThat(pi).isWaitingAt("prepareRequest", "CallActivity_ReportIncident");
    ProcessInstance incident = calledProcessInstance("incidentReport", pi);
    assertThat(incident).isWaitingAt("reportIncident").task().hasCandidateGroup("head-clerk");
    assertThat(incident)
        .variables()
        .containsEntry("requestKey", pi.getBusinessKey())
        .containsEntry("incidentLocation", "ตลาดสดเทศบาล");

    signAsReporter(pi);
    decideAsHead(pi, "reject", "ให้รายงานผ่านช่องทางเหตุเร่งด่วนเท่านั้น");
    assertThat(pi)
        .as("the rejected publication does not cancel the incident report")
        .hasPassed("EndEvent_RequestRejected")
        .isWaitingAt("CallActivity_ReportIncident");

    completeTask(HEAD, task(incident), incidentFacts());
    assertThat(incident).isWaitingAt("acknowledgeIncident").task().hasCandidateGroup("mayor");
    assertThat((String) variable(incident, "incidentReporterSignature")).startsWith("สมศรี มีสุข");
    completeTask(
        "mayor", task(incident), Map.of("mayorComment", "รับทราบ ให้ดำเนินการตามแนวทางแก้ไข"));
    execute(job(incident)); // the e-mail to the mayor

    assertThat(incident).isEnded().hasPassed("EndEvent_IncidentAcknowledged");
    assertThat(pi).isEnded().hasPassed("EndEvent_RequestRejected", "EndEvent_IncidentAcknowledged");
  }

  @Test
  void urgentIncidentDoesNotWaitForPublication() {
    Map<String, Object> urgent = validRequest();
    urgent.put("urgent", true);
    ProcessInstance pi = startRequest(REPORTER, urgent);
    ProcessInstance incident = calledProcessInstance("incidentReport", pi);

    completeTask(HEAD, task(incident), incidentFacts());
    completeTask("mayor", task(incident), Map.of());
    execute(job(incident));

    assertThat(incident).isEnded();
    assertThat(pi).hasPassed("EndEvent_IncidentAcknowledged").isWaitingAt("prepareRequest");
  }

  @Test
  void publishingFailsOnceThenSucceedsOnRetryWithoutPublishingTwice() {
    ProcessInstance pi = walkToPublishing();
    doThrow(new IllegalStateException("website unavailable"))
        .doCallRealMethod()
        .when(publisher)
        .publish(any());

    assertThatThrownBy(() -> execute(job())).hasMessageContaining("website unavailable");
    Job retried = job(pi);
    assertThat(retried.getRetries()).as("five retries remain after the first attempt").isEqualTo(5);
    assertThat(retried.getDuedate()).as("retried after a back-off, not at once").isInTheFuture();
    assertThat(published.find(pi.getBusinessKey())).isEmpty();

    execute(retried);

    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished");
    assertThat(published.find(pi.getBusinessKey())).as("published once, by the retry").isPresent();
    verify(publisher, times(2)).publish(any());
  }

  @Test
  void publishingThatKeepsFailingBecomesAnIncidentAndKeepsTheApproval() {
    ProcessInstance pi = walkToPublishing();
    doThrow(new IllegalStateException("website unavailable")).when(publisher).publish(any());

    // The first attempt and the five retries of the back-off R: PT30S,PT2M,PT10M,PT30M,PT1H.
    for (int attempt = 0; attempt < 6; attempt++) {
      assertThatThrownBy(() -> execute(job(pi))).hasMessageContaining("website unavailable");
    }

    assertThat(job(pi).getRetries()).isZero();
    assertThat(
            engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);
    assertThat(pi).isWaitingAt(PUBLISH_TASK);
    assertThat(requests.findById(pi.getBusinessKey()))
        .get()
        .extracting(PublicationRequest::getStatus)
        .as("the approval is kept while the website is down")
        .isEqualTo(RequestStatus.AWAITING_PUBLICATION);

    // An administrator retries from Cockpit once the website is back.
    doCallRealMethod().when(publisher).publish(any());
    engine.getManagementService().setJobRetries(job(pi).getId(), 1);
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished");
  }

  @Test
  void publishedItemIsTakenDownWhenItsPublicationPeriodEnds() {
    Map<String, Object> request = validRequest();
    LocalDate until = LocalDate.now(ThaiDates.BANGKOK).plusDays(10);
    request.put("publishUntil", until.toString());
    ProcessInstance pi = walkToPublishing(request);
    execute(job());

    assertThat(pi)
        .as("waiting for the end of the period or a withdrawal")
        .isWaitingAt("Gateway_AwaitTakeDown");
    assertThat(job(pi).getDuedate().toInstant())
        .as("taken down at the start of the day after publishUntil, Bangkok time")
        .isEqualTo(until.plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant());
    assertThat(published.visibleOn(until))
        .extracting(i -> i.businessKey())
        .contains(pi.getBusinessKey());

    execute(job()); // the timer
    execute(job()); // taking it down, an asynchronous step retried like publishing

    assertThat(pi).isEnded().hasPassed("EndEvent_ItemTakenDown");
    assertThat(published.find(pi.getBusinessKey()))
        .get()
        .satisfies(
            item -> {
              assertThat(item.withdrawnAt()).isNotNull();
              assertThat(item.withdrawnBy()).isEqualTo("system");
            });
    assertThat(published.visibleOn(LocalDate.now(ThaiDates.BANGKOK)))
        .extracting(i -> i.businessKey())
        .doesNotContain(pi.getBusinessKey());
    assertThat(requests.findById(pi.getBusinessKey()))
        .get()
        .extracting(PublicationRequest::getStatus)
        .isEqualTo(RequestStatus.UNPUBLISHED);
    assertThat(audit.trailOf(pi.getBusinessKey()))
        .extracting(AuditEntry::getAction)
        .contains("withdrawFromWebsite", "EndEvent_ItemTakenDown");
  }

  @Test
  void webmasterTakesAnItemDownEarlyWithAReason() {
    Map<String, Object> request = validRequest();
    request.put("publishUntil", LocalDate.now(ThaiDates.BANGKOK).plusDays(30).toString());
    ProcessInstance pi = walkToPublishing(request);
    execute(job());

    assertThatThrownBy(
            () -> administration.withdrawByHand(pi.getBusinessKey(), WEBMASTER, Map.of()))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("reason"));
    assertThatThrownBy(
            () ->
                administration.withdrawByHand(
                    pi.getBusinessKey(), REPORTER, Map.of("reason", "ไม่ต้องการแล้ว")))
        .hasMessageContaining("webmaster");

    administration.withdrawByHand(
        pi.getBusinessKey(), WEBMASTER, Map.of("reason", "พบข้อมูลคลาดเคลื่อน"));

    assertThat(pi)
        .isEnded()
        .hasPassed("EndEvent_ItemWithdrawn")
        .hasNotPassed("EndEvent_ItemTakenDown");
    assertThat(published.find(pi.getBusinessKey()))
        .get()
        .extracting(i -> i.withdrawnReason())
        .isEqualTo("พบข้อมูลคลาดเคลื่อน");
    assertThat(audit.trailOf(pi.getBusinessKey()))
        .anySatisfy(
            entry -> {
              assertThat(entry.getAction()).isEqualTo("withdrawFromWebsite");
              assertThat(entry.getActor()).isEqualTo(WEBMASTER);
              assertThat(entry.getComment()).isEqualTo("พบข้อมูลคลาดเคลื่อน");
            });
  }

  @Test
  void approvedAttachmentsArePublishedWithTheItem() {
    Map<String, Object> request = validRequest();
    request.put(
        "attachment1",
        org.camunda.bpm.engine.variable.Variables.fileValue("ภาพกิจกรรม.png")
            .file(TestFiles.image("png"))
            .create());
    ProcessInstance pi = walkToPublishing(request);

    execute(job());

    assertThat(published.files(pi.getBusinessKey()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo("ภาพกิจกรรม.png");
              assertThat(a.mediaType()).isEqualTo("image/png");
              try (var content = published.openContent(a)) {
                assertThat(content.readAllBytes()).isEqualTo(TestFiles.image("png"));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  @Test
  void preparerCannotApproveOwnRequestWhateverGroupsTheyHold() {
    User both = identityService.newUser("both.clerk");
    both.setFirstName("ทดสอบ");
    both.setLastName("สองบทบาท");
    both.setPassword("x-" + System.nanoTime());
    identityService.saveUser(both);
    for (String group : List.of("reporter-clerk", "head-clerk", "webmaster")) {
      identityService.createMembership("both.clerk", group);
    }
    ProcessInstance pi = startRequest("both.clerk", validRequest());
    signAsReporter(pi, "both.clerk");

    assertThatThrownBy(
            () -> completeTask("both.clerk", task(pi), Map.of("headDecision", "approve")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getReason())
                    .isEqualTo(InputRejectedException.Reason.FORBIDDEN))
        .hasMessageContaining("separation of duties");
    assertThat(pi).isWaitingAt("approveRequest");

    decideAsHead(pi, "approve", null);
    assertThatThrownBy(
            () -> completeTask("both.clerk", task(pi), Map.of("webmasterDecision", "publish")))
        .hasMessageContaining("separation of duties");
    assertThat(pi).isWaitingAt("publishRequest");
  }

  @Test
  void headOfAnotherUnitNeitherSeesNorCompletesTheRequest() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);
    Task approval = task(pi);

    long visible =
        as(
            "head.finance",
            () -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count());
    assertThat(visible).isZero();
    assertThatThrownBy(
            () -> completeTask("head.finance", approval, Map.of("headDecision", "approve")))
        .isInstanceOf(AuthorizationException.class);
    assertThat(pi).isWaitingAt("approveRequest");
  }

  @Test
  void laterStepCannotChangeWhatTheReporterSigned() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);

    assertThatThrownBy(
            () ->
                completeTask(
                    HEAD,
                    task(pi),
                    Map.of("headDecision", "approve", "title", "หัวข้อที่ถูกแก้โดยผู้อนุมัติ")))
        .hasMessageContaining("ขั้นตอนจัดเตรียม");
    assertThat(pi).isWaitingAt("approveRequest");
    assertThat(requests.findById(pi.getBusinessKey()))
        .get()
        .extracting(PublicationRequest::getTitle)
        .isEqualTo("ประกาศรับสมัครพนักงานจ้างทั่วไป");
  }

  @Test
  void headMustGiveReasonToReturnOrReject() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);

    assertThatThrownBy(() -> completeTask(HEAD, task(pi), Map.of("headDecision", "reject")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("headComment"));
    assertThatThrownBy(() -> completeTask(HEAD, task(pi), Map.of("headDecision", "maybe")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("headDecision"));

    assertThat(pi).isWaitingAt("approveRequest");
    assertThat(signatures.findByBusinessKeyOrderByIdAsc(pi.getBusinessKey())).hasSize(1);
  }

  @Test
  void badStartIsRefusedWithThaiMessageAndStoresNothing() {
    long requestsBefore = requests.count();
    long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    Map<String, Object> bad = validRequest();
    bad.put("externalUrl", "javascript:alert(1)");

    assertThatThrownBy(() -> startRequest(REPORTER, bad))
        .satisfies(
            e -> {
              InputRejectedException rejected = ApiErrors.find(e, InputRejectedException.class);
              assertThat(rejected.getField()).isEqualTo("externalUrl");
              assertThat(rejected.getMessage())
                  .startsWith("URL ภายนอก (externalUrl):")
                  .contains("http");
            });

    assertThat(requests.count()).isEqualTo(requestsBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void reporterOfAnotherUnitCannotSubmitForThisUnit() {
    assertThatThrownBy(() -> startRequest("reporter.finance", validRequest()))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getReason())
                    .isEqualTo(InputRejectedException.Reason.FORBIDDEN));
  }

  @Test
  void eachStepIsDueAtTheEndOfTheOfficeDayInWorkingDaysSkippingWeekendsAndHolidays() {
    // given: Thursday 3 December 2026; Monday 7 December is a holiday (for the King's birthday)
    clock.set(bangkok(LocalDateTime.of(2026, 12, 3, 10, 0)));

    // when
    ProcessInstance normal = startRequest(REPORTER, validRequest());
    Map<String, Object> urgentFields = validRequest();
    urgentFields.put("urgent", true);
    ProcessInstance urgent = startRequest(REPORTER, urgentFields);

    // then: three working days on is Wednesday 9 December; urgent, one is Friday 4 December
    Instant due = bangkok(LocalDateTime.of(2026, 12, 9, 16, 30));
    assertThat(task(normal).getDueDate().toInstant()).isEqualTo(due);
    assertThat(jobAt(normal, "Event_PrepareDeadlinePassed").getDuedate().toInstant())
        .isEqualTo(due);
    assertThat(jobAt(normal, "Event_PrepareDeadlineApproaching").getDuedate().toInstant())
        .as("reminded four hours before")
        .isEqualTo(bangkok(LocalDateTime.of(2026, 12, 9, 12, 30)));
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(urgent.getId())
                .taskDefinitionKey("prepareRequest")
                .singleResult()
                .getDueDate()
                .toInstant())
        .isEqualTo(bangkok(LocalDateTime.of(2026, 12, 4, 16, 30)));

    // and: the head's step, arriving on Friday, is due two working days on, the holiday skipped:
    // Wednesday 9 December
    clock.set(bangkok(LocalDateTime.of(2026, 12, 4, 9, 0)));
    signAsReporter(normal);
    assertThat(task(normal).getDueDate().toInstant())
        .isEqualTo(bangkok(LocalDateTime.of(2026, 12, 9, 16, 30)));
  }

  @Test
  void headIsRemindedBeforeTheDueDateAndTheClerksOfficeHeadIsToldWhenItPassesByEmail()
      throws Exception {
    // given: a request of the finance division waiting for its head
    Map<String, Object> fields = validRequest();
    fields.put("unit", "finance");
    ProcessInstance pi = startRequest("reporter.finance", fields);
    completeTask("reporter.finance", task(pi), Map.of("reporterConfirmed", true));
    assertThat(pi).isWaitingAt("approveRequest");

    // when: the reminder's time comes
    execute(jobAt(pi, "Event_ApproveDeadlineApproaching"));
    assertThat(received()).as("the e-mail is a job of its own").isEmpty();
    execute(jobAt(pi, "Task_RemindHead"));

    // then: the finance division's head is reminded
    assertThat(received()).hasSize(1);
    MimeMessage reminder = received().get(0);
    assertThat(Arrays.stream(reminder.getAllRecipients()).map(Address::toString))
        .containsExactly("head.finance@demo.invalid");
    assertThat(reminder.getSubject())
        .startsWith(
            "["
                + pi.getBusinessKey()
                + "] แจ้งเตือน: งาน \"ตรวจสอบและอนุมัติการเผยแพร่ (Approve request)\" จะครบกำหนด");
    assertThat((String) reminder.getContent())
        .contains("กองคลัง", "ประกาศรับสมัครพนักงานจ้างทั่วไป", "/camunda/app/tasklist/");

    // when: the due date passes
    MAIL.purgeEmailFromAllMailboxes();
    execute(jobAt(pi, "Event_ApproveDeadlinePassed"));
    execute(jobAt(pi, "Task_EscalateOverdueApproval"));

    // then: the head of the clerk's office is told, and the head keeps the task
    assertThat(received()).hasSize(1);
    MimeMessage escalation = received().get(0);
    assertThat(Arrays.stream(escalation.getAllRecipients()).map(Address::toString))
        .containsExactly("head.clerk@demo.invalid");
    assertThat(escalation.getSubject())
        .isEqualTo(
            "["
                + pi.getBusinessKey()
                + "] เลยกำหนด: งาน \"ตรวจสอบและอนุมัติการเผยแพร่ (Approve request)\" ยังไม่แล้วเสร็จ (ครบกำหนด "
                + ThaiDates.dateTime(task(pi).getDueDate().toInstant())
                + ")");
    assertThat((String) escalation.getContent()).contains("ผู้รับผิดชอบขณะนี้: head-finance");
    assertThat(pi)
        .hasPassed("EndEvent_HeadReminded", "EndEvent_OverdueApprovalEscalated")
        .isWaitingAt("approveRequest");
    assertThat(audit.trailOf(pi.getBusinessKey()))
        .extracting(AuditEntry::getAction)
        .contains("sendStepReminder", "escalateOverdueStep");

    // and: the head still decides, late
    decideAsHead(pi, "approve", null, "head.finance");
    assertThat(pi).isWaitingAt("publishRequest");
  }

  @Test
  void reporterPastTheDueDateIsReportedToTheUnitsHeadAndWebmasterToTheClerksOfficeHead()
      throws Exception {
    ProcessInstance pi = startRequest(REPORTER, validRequest());

    execute(jobAt(pi, "Event_PrepareDeadlineApproaching"));
    execute(jobAt(pi, "Task_RemindReporter"));
    assertThat(Arrays.stream(received().get(0).getAllRecipients()).map(Address::toString))
        .as("the reporter holds the task")
        .containsExactly("reporter.clerk@demo.invalid");
    MAIL.purgeEmailFromAllMailboxes();
    execute(jobAt(pi, "Event_PrepareDeadlinePassed"));
    execute(jobAt(pi, "Task_EscalateOverduePreparation"));
    assertThat(Arrays.stream(received().get(0).getAllRecipients()).map(Address::toString))
        .containsExactly("head.clerk@demo.invalid");
    assertThat((String) received().get(0).getContent()).contains("ผู้รับผิดชอบขณะนี้: สมชาย ใจดี");

    MAIL.purgeEmailFromAllMailboxes();
    signAsReporter(pi);
    decideAsHead(pi, "approve", null);
    execute(jobAt(pi, "Event_PublishDeadlinePassed"));
    execute(jobAt(pi, "Task_EscalateOverduePublication"));
    assertThat(Arrays.stream(received().get(0).getAllRecipients()).map(Address::toString))
        .containsExactly("head.clerk@demo.invalid");
    assertThat(received().get(0).getSubject()).contains("ตรวจทานและนำข้อมูลขึ้นเผยแพร่");
    assertThat(pi).isWaitingAt("publishRequest");
  }

  @Test
  void stepDoneBeforeItsReminderRunsSendsNothing() {
    ProcessInstance pi = startRequest(REPORTER, validRequest());
    signAsReporter(pi);
    execute(jobAt(pi, "Event_ApproveDeadlineApproaching"));
    Job reminder = jobAt(pi, "Task_RemindHead");

    decideAsHead(pi, "approve", null);
    execute(reminder);

    assertThat(received()).isEmpty();
    assertThat(pi).hasPassed("EndEvent_HeadReminded").isWaitingAt("publishRequest");
  }

  // --- steps ---

  private Job jobAt(ProcessInstance pi, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .singleResult();
  }

  private static Instant bangkok(LocalDateTime time) {
    return time.atZone(ThaiDates.BANGKOK).toInstant();
  }

  private ProcessInstance walkToPublishing() {
    return walkToPublishing(validRequest());
  }

  private ProcessInstance walkToPublishing(Map<String, Object> request) {
    ProcessInstance pi = startRequest(REPORTER, request);
    signAsReporter(pi);
    decideAsHead(pi, "approve", null);
    decideAsWebmaster(pi, "publish", null);
    assertThat(pi).isWaitingAt(PUBLISH_TASK);
    return pi;
  }

  private void signAsReporter(ProcessInstance pi) {
    signAsReporter(pi, REPORTER);
  }

  private void signAsReporter(ProcessInstance pi, String reporter) {
    completeTask(reporter, task(pi), Map.of("reporterConfirmed", true));
  }

  private void decideAsHead(ProcessInstance pi, String decision, String comment) {
    decideAsHead(pi, decision, comment, HEAD);
  }

  private void decideAsHead(ProcessInstance pi, String decision, String comment, String head) {
    Map<String, Object> v = new HashMap<>();
    v.put("headDecision", decision);
    v.put("headComment", comment);
    completeTask(head, task(pi), v);
  }

  private void decideAsWebmaster(ProcessInstance pi, String decision, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("webmasterDecision", decision);
    v.put("webmasterComment", comment);
    completeTask(WEBMASTER, task(pi), v);
  }

  private static Map<String, Object> incidentFacts() {
    return withVariables(
        "incidentAt",
        "2026-11-25T06:30",
        "incidentLocation",
        "ตลาดสดเทศบาล",
        "affectedCount",
        12L,
        "damageArea",
        "แผงค้า ๒๐ แผง",
        "cause",
        "ไฟฟ้าลัดวงจร",
        "remedy",
        "ตัดกระแสไฟฟ้า ตั้งจุดช่วยเหลือผู้ค้า");
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  /** The latest word on the request, as the forms read it from the service's record. */
  private RequestSignature latestSignature(ProcessInstance pi) {
    List<RequestSignature> trail = signatures.findByBusinessKeyOrderByIdAsc(businessKeyOf(pi));
    return trail.get(trail.size() - 1);
  }

  private String businessKeyOf(ProcessInstance pi) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
  }
}
