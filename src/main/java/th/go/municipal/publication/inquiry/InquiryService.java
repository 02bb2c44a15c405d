package th.go.municipal.publication.inquiry;

import static th.go.municipal.publication.inquiry.InquiryVariables.ANSWER;
import static th.go.municipal.publication.inquiry.InquiryVariables.ANSWER_CHANNEL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ReferenceNumbers;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.identity.StepGuard;
import th.go.municipal.publication.notification.MailNotifier;
import th.go.municipal.publication.notification.StaffMailboxes;

/**
 * Information requests, comments and complaints from the public: stored, numbered IR-&lt;fiscal
 * year&gt;-&lt;nnnn&gt;, handed to the unit concerned as a process with a response deadline,
 * answered by the unit's staff and sent to the requester by e-mail. Each step is audited; the
 * requester's personal data stays in this capability's table and out of the audit trail.
 */
@Service
@Transactional
public class InquiryService {

  /** How the unit gave the answer besides the e-mail that always carries it. */
  public static final List<String> ANSWER_CHANNELS = List.of("email", "phone", "in-person");

  static final int ANSWER_MAX = 5000;

  /** Who the audit trail names when the public acts. */
  static final String PUBLIC = "public";

  private static final Logger log = LoggerFactory.getLogger(InquiryService.class);
  private static final Map<String, String> ANSWER_LABELS =
      Map.of(
          ANSWER, "คำตอบ",
          ANSWER_CHANNEL, "ช่องทางการตอบ");

  private final InformationRequestRepository requests;
  private final RuntimeService runtimeService;
  private final ReferenceNumbers numbers;
  private final AuditService audit;
  private final StaffDirectory staff;
  private final StepGuard guard;
  private final StaffMailboxes mailboxes;
  private final MailNotifier mail;
  private final InquiryMails mails;
  private final MunicipalityProperties municipality;
  private final InquiryProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InquiryService(
      InformationRequestRepository requests,
      RuntimeService runtimeService,
      ReferenceNumbers numbers,
      AuditService audit,
      StaffDirectory staff,
      StepGuard guard,
      StaffMailboxes mailboxes,
      MailNotifier mail,
      InquiryMails mails,
      MunicipalityProperties municipality,
      InquiryProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.runtimeService = runtimeService;
    this.numbers = numbers;
    this.audit = audit;
    this.staff = staff;
    this.guard = guard;
    this.mailboxes = mailboxes;
    this.mail = mail;
    this.mails = mails;
    this.municipality = municipality;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    if (municipality.unit(properties.getDefaultUnit()).isEmpty()) {
      throw new IllegalStateException(
          "publication.inquiry.default-unit '"
              + properties.getDefaultUnit()
              + "' is not one of municipality.units");
    }
  }

  /** What the requester is told once the request is stored. */
  public record Receipt(
      String referenceNumber,
      InquiryKind kind,
      String unitName,
      Instant dueAt,
      String maskedEmail) {

    public String dueDateThai() {
      return InquiryService.dueDateThai(dueAt);
    }
  }

  /**
   * Stores a validated request and starts its process, as no user, in one transaction: either both
   * happen or neither. A form token used twice fails here on the unique one-time id.
   */
  public Receipt submit(InquiryFields fields, String addressHash, String formNonce) {
    String referenceNumber = numbers.next("IR");
    Instant now = clock.instant();
    InformationRequest request =
        requests.saveAndFlush(
            new InformationRequest(
                referenceNumber, fields, addressHash, formNonce, now, dueAt(now)));
    ProcessInstance process =
        runtimeService.startProcessInstanceByKey(
            InquiryVariables.PROCESS_KEY, referenceNumber, startVariables(request));
    request.started(process.getId());
    events.publishEvent(
        new InquiryReceived(
            referenceNumber, fields.unit(), fields.kind(), request.getReceivedOn()));
    audit.record(
        new AuditRecord(
            referenceNumber,
            process.getId(),
            PUBLIC,
            "requester",
            "submitInformationRequest",
            fields.kind().code,
            null));
    log.info(
        "Information request {} ({}) received for unit {}",
        referenceNumber,
        fields.kind().code,
        fields.unit());
    return new Receipt(
        referenceNumber,
        fields.kind(),
        municipality.unitName(fields.unit()),
        request.getDueAt(),
        maskEmail(fields.email()));
  }

  /**
   * The unit's head or information provider answers: the answer is checked and stored with who
   * answered; it is e-mailed by the next step. Returns the variables to set on the process.
   */
  public Map<String, Object> answer(
      String userId, String referenceNumber, Map<String, Object> variables) {
    InformationRequest request = load(referenceNumber);
    guard.requireMemberOfAny(
        userId,
        List.of(Groups.head(request.getUnit()), Groups.reporter(request.getUnit())),
        "เฉพาะหัวหน้าหน่วยงานและผู้รับผิดชอบการให้ข้อมูลของ"
            + municipality.unitName(request.getUnit())
            + "เท่านั้นที่ตอบเรื่องนี้ได้ (only the unit's staff may answer)");
    FieldReader in = new FieldReader(variables, ANSWER_LABELS);
    String answer = in.text(ANSWER, true, ANSWER_MAX);
    String channel =
        in.line(ANSWER_CHANNEL, false, 16) == null
            ? "email"
            : in.oneOf(ANSWER_CHANNEL, ANSWER_CHANNELS);
    Instant now = clock.instant();
    String signature = staff.signer(userId).display(now);
    request.answered(answer, channel, userId, signature, now);
    events.publishEvent(
        new InquiryAnswered(
            referenceNumber,
            request.getUnit(),
            request.getKind(),
            request.getReceivedOn(),
            now,
            request.getDueAt()));
    return Map.of(InquiryVariables.ANSWERED_BY, signature);
  }

  /**
   * E-mails the recorded answer to the requester; a mail server failure fails the step, to be
   * retried.
   */
  public void sendAnswer(String referenceNumber) {
    InformationRequest request = load(referenceNumber);
    if (request.getAnswerSentAt() != null) {
      return;
    }
    MailNotifier.Delivery delivery = mail.send(mails.answer(request));
    if (delivery == MailNotifier.Delivery.SENT) {
      request.answerSent(clock.instant());
    }
    audit.record(
        new AuditRecord(
            referenceNumber,
            request.getProcessInstanceId(),
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            "sendAnswerToRequester",
            delivery.name().toLowerCase(),
            null));
  }

  /** Reminds the unit's heads of a request still unanswered as its deadline approaches. */
  public void remind(String referenceNumber) {
    InformationRequest request = load(referenceNumber);
    if (request.isAnswered()) {
      log.info(
          "Information request {} was answered before its reminder ran: no reminder sent",
          referenceNumber);
      return;
    }
    List<String> groups = List.of(Groups.head(request.getUnit()));
    MailNotifier.Delivery delivery =
        mail.send(mails.reminder(request, mailboxes.addressesOf(groups)));
    request.reminded(clock.instant());
    audit.record(
        new AuditRecord(
            referenceNumber,
            request.getProcessInstanceId(),
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            "sendReminder",
            delivery.name().toLowerCase(),
            String.join(", ", groups)));
  }

  /**
   * Tells the escalation groups and the unit's heads that a request went unanswered past its
   * deadline.
   */
  public void escalate(String referenceNumber) {
    InformationRequest request = load(referenceNumber);
    if (request.isAnswered()) {
      log.info(
          "Information request {} was answered before its escalation ran: nobody notified",
          referenceNumber);
      return;
    }
    LinkedHashSet<String> groups = new LinkedHashSet<>(properties.getEscalateTo());
    groups.add(Groups.head(request.getUnit()));
    MailNotifier.Delivery delivery =
        mail.send(mails.escalation(request, mailboxes.addressesOf(groups)));
    request.escalated(clock.instant());
    audit.record(
        new AuditRecord(
            referenceNumber,
            request.getProcessInstanceId(),
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            "escalateOverdue",
            delivery.name().toLowerCase(),
            String.join(", ", groups)));
  }

  /**
   * A request as its requester may look it up: only with the reference number and the same e-mail
   * address.
   */
  @Transactional(readOnly = true)
  public Optional<InformationRequest> findForRequester(String referenceNumber, String email) {
    String given = email == null ? "" : email.strip();
    return requests
        .findById(referenceNumber)
        .filter(r -> !given.isEmpty() && r.getRequesterEmail().equalsIgnoreCase(given));
  }

  /**
   * Requests not yet answered whose deadline has passed, of one unit or (null) of all, for the
   * monitoring report's "overdue now".
   */
  @Transactional(readOnly = true)
  public long overdueNow(String unit) {
    Instant now = clock.instant();
    return unit == null
        ? requests.countByStatusAndDueAtBefore(InquiryStatus.RECEIVED, now)
        : requests.countByUnitAndStatusAndDueAtBefore(unit, InquiryStatus.RECEIVED, now);
  }

  @Transactional(readOnly = true)
  public Instant dueAtOf(String referenceNumber) {
    return load(referenceNumber).getDueAt();
  }

  /**
   * The end of the last day to answer, Bangkok time: received on day D, due by the end of day D +
   * response-days.
   */
  Instant dueAt(Instant receivedAt) {
    LocalDate lastDay =
        receivedAt.atZone(ThaiDates.BANGKOK).toLocalDate().plusDays(properties.getResponseDays());
    return lastDay.plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant().minusSeconds(1);
  }

  /** "18 พ.ย. 2569": the last day to answer. */
  static String dueDateThai(Instant dueAt) {
    return ThaiDates.date(dueAt.atZone(ThaiDates.BANGKOK).toLocalDate());
  }

  /**
   * "so***@example.com": enough for the requester to recognise the address, not enough to harvest
   * it.
   */
  static String maskEmail(String email) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    return local.substring(0, Math.min(2, local.length())) + "***" + email.substring(at);
  }

  private VariableMap startVariables(InformationRequest request) {
    return Variables.createVariables()
        .putValue(InquiryVariables.REFERENCE_NUMBER, request.getReferenceNumber())
        .putValue(InquiryVariables.KIND, request.getKind().code)
        .putValue(InquiryVariables.KIND_NAME, request.getKind().thaiName)
        .putValue(InquiryVariables.UNIT, request.getUnit())
        .putValue(InquiryVariables.UNIT_NAME, municipality.unitName(request.getUnit()))
        .putValue(InquiryVariables.SUBJECT, request.getSubject())
        .putValue(InquiryVariables.MESSAGE, request.getMessage())
        .putValue(InquiryVariables.REQUESTER_NAME, request.getRequesterName())
        .putValue(InquiryVariables.REQUESTER_EMAIL_MASKED, maskEmail(request.getRequesterEmail()))
        .putValue(InquiryVariables.REQUESTER_PHONE, request.getRequesterPhone())
        .putValue(InquiryVariables.RECEIVED_AT_THAI, ThaiDates.dateTime(request.getReceivedAt()))
        .putValue(InquiryVariables.DUE_DATE_THAI, dueDateThai(request.getDueAt()));
  }

  private InformationRequest load(String referenceNumber) {
    return requests
        .findById(referenceNumber)
        .orElseThrow(() -> InputRejectedException.notFound("คำขอเลขที่ " + referenceNumber));
  }
}
