package th.go.municipal.publication.request;

import static th.go.municipal.publication.request.RequestVariables.HEAD_COMMENT;
import static th.go.municipal.publication.request.RequestVariables.HEAD_DECISION;
import static th.go.municipal.publication.request.RequestVariables.PERSONAL_DATA_BASIS;
import static th.go.municipal.publication.request.RequestVariables.PERSONAL_DATA_COMMENT;
import static th.go.municipal.publication.request.RequestVariables.REPORTER_CONFIRMED;
import static th.go.municipal.publication.request.RequestVariables.WEBMASTER_COMMENT;
import static th.go.municipal.publication.request.RequestVariables.WEBMASTER_DECISION;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ReferenceNumbers;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.common.VariableRules;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.identity.StaffDirectory.Signer;
import th.go.municipal.publication.identity.StepGuard;
import th.go.municipal.publication.request.RequestSignature.Role;

/**
 * The three signed steps of the announcement. Every method runs in the engine's transaction and
 * either records the whole step (fields, signature, status, audit) or refuses it and changes
 * nothing. Separation of duties lives here, not in a form: whoever prepared a request can never
 * approve or publish it, whatever groups they hold.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class RequestService {

  static final String APPROVE = "approve";
  static final String RETURN = "return";
  static final String REJECT = "reject";
  static final String PUBLISH = "publish";
  static final String CONFIRM = "confirm";

  /** The task of the model in which each role signs. */
  private static final Map<Role, String> STEPS =
      Map.of(
          Role.REPORTER, RequestVariables.PREPARE_REQUEST,
          Role.APPROVER, RequestVariables.APPROVE_REQUEST,
          Role.PUBLISHER, RequestVariables.PUBLISH_REQUEST);

  /**
   * The variables only the service sets; people's steps must leave them as they are. The number and
   * the unit's name are kept as variables (Tasklist and Cockpit show them); the rest of what the
   * forms show (signatures, return reason, personal-data findings, attachments) they read from the
   * service's record, {@code GET /api/requests/{key}}, so each step does not write it again as
   * variables and their history. Those names must stay unset, and a step removes them from requests
   * started before they were given up.
   */
  static final List<String> SERVICE_VARIABLES =
      Stream.concat(
              Stream.of(
                  RequestVariables.REQUEST_KEY,
                  RequestVariables.UNIT_NAME,
                  RequestVariables.INITIATOR),
              RequestVariables.RETIRED.stream())
          .toList();

  /** Legal bases on which a head may approve publishing personal data (PDPA B.E. 2562). */
  static final List<String> PERSONAL_DATA_BASES =
      List.of("not-personal", "consent", "legal-duty", "public-interest");

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestAttachmentRepository attachments;
  private final PersonalDataFindingRepository findings;
  private final AttachmentInspector inspector;
  private final PersonalDataScreener screener;
  private final RequestValidator validator;
  private final StaffDirectory staff;
  private final StepGuard guard;
  private final ReferenceNumbers numbers;
  private final AuditService audit;
  private final RequestAuditRecords auditRecords;
  private final MunicipalityProperties municipality;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RequestService(
      PublicationRequestRepository requests,
      RequestSignatureRepository signatures,
      RequestAttachmentRepository attachments,
      PersonalDataFindingRepository findings,
      AttachmentInspector inspector,
      PersonalDataScreener screener,
      RequestValidator validator,
      StaffDirectory staff,
      StepGuard guard,
      ReferenceNumbers numbers,
      AuditService audit,
      RequestAuditRecords auditRecords,
      MunicipalityProperties municipality,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.attachments = attachments;
    this.findings = findings;
    this.inspector = inspector;
    this.screener = screener;
    this.validator = validator;
    this.staff = staff;
    this.guard = guard;
    this.numbers = numbers;
    this.audit = audit;
    this.auditRecords = auditRecords;
    this.municipality = municipality;
    this.events = events;
    this.clock = clock;
  }

  /** What a signed step tells the process: variables for later steps and forms to show. */
  record StepOutcome(
      String businessKey, Map<String, Object> variablesToSet, List<String> variablesToRemove) {}

  /** A reporter submits a new request: validated, numbered and stored, or refused whole. */
  StepOutcome register(
      String userId,
      String processInstanceId,
      Map<String, Object> variables,
      List<IncomingFile> files) {
    guard.signedIn(userId);
    RequestFields fields = validator.validate(variables, today());
    List<InspectedAttachment> inspected = inspector.inspectAll(files);
    guard.requireMember(
        userId,
        Groups.reporter(fields.unit()),
        "เฉพาะผู้รับผิดชอบการให้ข้อมูลของหน่วยงานนี้เท่านั้นที่ยื่นคำขอได้ (only the unit's reporters may submit)");
    String businessKey = numbers.next("PR");
    Instant now = clock.instant();
    PublicationRequest request =
        new PublicationRequest(businessKey, processInstanceId, userId, now);
    request.apply(fields, now);
    requests.save(request);
    Kept kept = Kept.none();
    storeContent(businessKey, fields, inspected, kept);
    audit.record(
        auditRecords.content(
            new AuditRecord(
                businessKey, processInstanceId, userId, "reporter", "submitRequest", null, null),
            request,
            kept.attachments,
            kept.findings));
    Map<String, Object> outcome = new HashMap<>(serviceVariables(request));
    outcome.put(RequestVariables.URGENT, fields.urgent());
    return new StepOutcome(businessKey, outcome, List.of());
  }

  /** Step 1: the reporter checks the request, may change it, and signs. */
  StepOutcome signAsReporter(
      String userId,
      String businessKey,
      Map<String, Object> variables,
      List<IncomingFile> files,
      Instant arrivedAt) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
    Kept kept = kept(businessKey);
    requireServiceVariablesUntouched(request, kept, Role.REPORTER, variables);
    FieldReader in = validator.reader(variables);
    if (!in.bool(REPORTER_CONFIRMED, false)) {
      throw in.invalid(
          REPORTER_CONFIRMED,
          "กรุณายืนยันว่าได้ตรวจสอบความถูกต้อง ครบถ้วน และสมบูรณ์ของข้อมูลแล้ว (confirmation required)");
    }
    RequestFields fields = validator.validate(variables, today());
    guard.requireMember(
        userId,
        Groups.reporter(fields.unit()),
        "เฉพาะผู้รับผิดชอบการให้ข้อมูลของหน่วยงานนี้เท่านั้นที่ลงนามได้ (only the unit's reporters may sign)");
    List<InspectedAttachment> inspected = inspector.inspectAll(files);
    Instant now = clock.instant();
    request.apply(fields, now);
    request.moveTo(RequestStatus.AWAITING_APPROVAL, now);
    storeContent(businessKey, fields, inspected, kept);
    RequestSignature signed =
        sign(request, kept, Role.REPORTER, userId, CONFIRM, null, arrivedAt, now);
    audit.record(
        auditRecords.content(
            new AuditRecord(
                businessKey,
                request.getProcessInstanceId(),
                userId,
                "reporter",
                "signContent",
                null,
                null),
            request,
            kept.attachments,
            kept.findings));
    vouch(request, signed, "reporter");
    Map<String, Object> outcome = serviceVariables(request);
    // The next step goes to the head of the unit that was signed for, read from nowhere else.
    outcome.put(RequestVariables.UNIT, fields.unit());
    // Decisions of an earlier round must not decide this one.
    return outcome(
        request,
        outcome,
        List.of(HEAD_DECISION, HEAD_COMMENT, WEBMASTER_DECISION, WEBMASTER_COMMENT));
  }

  /** Step 2: the unit's head approves, returns with a reason, or rejects. */
  StepOutcome signAsHead(
      String userId,
      String businessKey,
      Map<String, Object> variables,
      List<IncomingFile> files,
      Instant arrivedAt) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
    Kept kept = kept(businessKey);
    requireNotPreparer(userId, request, kept);
    requireServiceVariablesUntouched(request, kept, Role.APPROVER, variables);
    guard.requireMember(
        userId,
        Groups.head(request.getUnit()),
        "เฉพาะหัวหน้าหน่วยงาน"
            + municipality.unitName(request.getUnit())
            + "เท่านั้นที่อนุมัติคำขอนี้ได้ (only the unit's head may decide)");
    requireUnchanged(request, kept, variables, files);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(HEAD_DECISION, List.of(APPROVE, RETURN, REJECT));
    String comment = in.text(HEAD_COMMENT, !APPROVE.equals(decision), RequestValidator.COMMENT_MAX);
    String basis = null;
    String basisComment = null;
    if (APPROVE.equals(decision) && !kept.findings.isEmpty()) {
      if (in.line(PERSONAL_DATA_BASIS, false, 32) == null) {
        throw in.invalid(
            PERSONAL_DATA_BASIS,
            "พบข้อมูลส่วนบุคคลในคำขอนี้ ต้องระบุฐานในการเปิดเผย ("
                + String.join(", ", PERSONAL_DATA_BASES)
                + ") ก่อนอนุมัติ หรือส่งกลับให้แก้ไข"
                + " (personal data found: a legal basis is required to approve)");
      }
      basis = in.oneOf(PERSONAL_DATA_BASIS, PERSONAL_DATA_BASES);
      basisComment = in.text(PERSONAL_DATA_COMMENT, true, RequestValidator.COMMENT_MAX);
    }
    Instant now = clock.instant();
    request.moveTo(
        switch (decision) {
          case APPROVE -> RequestStatus.AWAITING_PUBLICATION;
          case RETURN -> RequestStatus.PREPARING;
          default -> RequestStatus.REJECTED;
        },
        now);
    RequestSignature signed =
        sign(request, kept, Role.APPROVER, userId, decision, comment, arrivedAt, now);
    if (basis != null) {
      signed.recordPersonalDataBasis(basis, basisComment);
      audit.record(
          new AuditRecord(
              businessKey,
              request.getProcessInstanceId(),
              userId,
              "head",
              "approvePersonalData",
              basis,
              basisComment));
    }
    vouch(request, signed, "head");
    Map<String, Object> outcome = serviceVariables(request);
    // The model routes on the decision as signed, whatever else was sent.
    outcome.put(HEAD_DECISION, decision);
    return outcome(request, outcome, afterReturn(decision));
  }

  /** Step 3: the webmaster reviews completeness and publishes, or returns with a reason. */
  StepOutcome signAsWebmaster(
      String userId,
      String businessKey,
      Map<String, Object> variables,
      List<IncomingFile> files,
      Instant arrivedAt) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
    Kept kept = kept(businessKey);
    requireNotPreparer(userId, request, kept);
    requireServiceVariablesUntouched(request, kept, Role.PUBLISHER, variables);
    guard.requireMember(
        userId,
        Groups.WEBMASTER,
        "เฉพาะผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่เท่านั้นที่เผยแพร่ได้ (only the webmaster may publish)");
    requireUnchanged(request, kept, variables, files);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(WEBMASTER_DECISION, List.of(PUBLISH, RETURN));
    String comment =
        in.text(WEBMASTER_COMMENT, RETURN.equals(decision), RequestValidator.COMMENT_MAX);
    Instant now = clock.instant();
    if (RETURN.equals(decision)) {
      request.moveTo(RequestStatus.PREPARING, now);
    }
    RequestSignature signed =
        sign(request, kept, Role.PUBLISHER, userId, decision, comment, arrivedAt, now);
    vouch(request, signed, "webmaster");
    Map<String, Object> outcome = serviceVariables(request);
    outcome.put(WEBMASTER_DECISION, decision);
    return outcome(request, outcome, afterReturn(decision));
  }

  /**
   * Everyone who has signed as reporter, and the initiator: none of them may approve or publish.
   */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  boolean isPreparer(String userId, PublicationRequest request) {
    return isPreparer(
        userId, request, signatures.findByBusinessKeyOrderByIdAsc(request.getBusinessKey()));
  }

  private static boolean isPreparer(
      String userId, PublicationRequest request, List<RequestSignature> signed) {
    return userId.equals(request.getPreparedBy())
        || signed.stream()
            .anyMatch(s -> s.getRole() == Role.REPORTER && userId.equals(s.getUserId()));
  }

  /**
   * What the service keeps about a request besides its fields (signatures, personal-data findings,
   * attachments), read once per step and kept up to date by the step as it writes.
   */
  private static final class Kept {
    final List<RequestSignature> signatures;
    List<PersonalDataFinding> findings;
    List<RequestAttachment> attachments;

    Kept(
        List<RequestSignature> signatures,
        List<PersonalDataFinding> findings,
        List<RequestAttachment> attachments) {
      this.signatures = new ArrayList<>(signatures);
      this.findings = findings;
      this.attachments = attachments;
    }

    /** A request being registered has none yet. */
    static Kept none() {
      return new Kept(List.of(), List.of(), List.of());
    }
  }

  private Kept kept(String businessKey) {
    return new Kept(
        signatures.findByBusinessKeyOrderByIdAsc(businessKey),
        findings.findByBusinessKeyOrderByIdAsc(businessKey),
        attachments.findByBusinessKeyOrderByVariableNameAsc(businessKey));
  }

  /** The reporter signs afresh after a return. */
  private static List<String> afterReturn(String decision) {
    return RETURN.equals(decision) ? List.of(REPORTER_CONFIRMED) : List.of();
  }

  /**
   * A step's variables: those only the service sets (what its record says; one it has not set yet
   * is removed), the step's own, and {@code remove}.
   */
  private static StepOutcome outcome(
      PublicationRequest request, Map<String, Object> values, List<String> remove) {
    List<String> removed = new ArrayList<>(remove);
    SERVICE_VARIABLES.stream()
        .filter(name -> !name.equals(RequestVariables.INITIATOR) && !values.containsKey(name))
        .forEach(removed::add);
    return new StepOutcome(request.getBusinessKey(), values, removed);
  }

  /** The variables the service keeps on the request's process: its number and unit's name. */
  private Map<String, Object> serviceVariables(PublicationRequest request) {
    Map<String, Object> values = new HashMap<>();
    values.put(RequestVariables.REQUEST_KEY, request.getBusinessKey());
    values.put(RequestVariables.UNIT_NAME, municipality.unitName(request.getUnit()));
    return values;
  }

  /**
   * People send only their step's fields and decision: what the service sets (and the initiator)
   * must still be as it set them, or the completion is refused. A step whose role signed last was
   * completed by someone else a moment ago (the variables sent were read before that commit): that
   * is a lost race, told as such.
   */
  private void requireServiceVariablesUntouched(
      PublicationRequest request, Kept kept, Role role, Map<String, Object> variables) {
    List<RequestSignature> trail = kept.signatures;
    if (!trail.isEmpty() && trail.get(trail.size() - 1).getRole() == role) {
      throw InputRejectedException.lostRace(ApiErrors.taskGone().message());
    }
    Map<String, Object> expected = serviceVariables(request);
    expected.put(RequestVariables.INITIATOR, request.getPreparedBy());
    for (String name : SERVICE_VARIABLES) {
      // The unit's name follows the configuration, which may change between steps; each step
      // sets it anew.
      if (!name.equals(RequestVariables.UNIT_NAME)
          && !Objects.equals(expected.get(name), variables.get(name))) {
        throw VariableRules.setByTheService(name);
      }
    }
  }

  /** The signature, as stored, into the audit trail: a later edit of the row is then found. */
  private void vouch(PublicationRequest request, RequestSignature signature, String role) {
    audit.record(auditRecords.signature(request, signature, role));
  }

  private RequestSignature sign(
      PublicationRequest request,
      Kept kept,
      Role role,
      String userId,
      String decision,
      String comment,
      Instant arrivedAt,
      Instant now) {
    Signer signer = staff.signer(userId);
    RequestSignature signature =
        signatures.save(
            new RequestSignature(
                request.getBusinessKey(),
                role,
                userId,
                signer.fullName(),
                signer.position(),
                decision,
                comment,
                now));
    kept.signatures.add(signature);
    events.publishEvent(
        new RequestStepSigned(
            request.getBusinessKey(),
            request.getUnit(),
            request.getTitle(),
            STEPS.get(role),
            decision,
            comment,
            userId,
            request.getPreparedBy(),
            arrivedAt == null ? now : arrivedAt,
            now));
    return signature;
  }

  /**
   * Stores the attachments and the personal-data findings as the reporter signs them, replacing
   * those of an earlier round: the ones the step already read ({@code kept}; none for a new
   * request). Removing those needs no query of its own; a derived delete would read them again
   * through a criteria query that Hibernate translates at every call (issue 12).
   */
  private void storeContent(
      String businessKey, RequestFields fields, List<InspectedAttachment> inspected, Kept kept) {
    List<PersonalDataScreener.Finding> found = new ArrayList<>();
    found.addAll(
        screener.screen(RequestValidator.LABELS.get(RequestVariables.TITLE), fields.title()));
    found.addAll(
        screener.screen(RequestValidator.LABELS.get(RequestVariables.DETAILS), fields.details()));
    // Everything that reaches the public is screened: the source's address and file names too.
    found.addAll(
        screener.screen(
            RequestValidator.LABELS.get(RequestVariables.EXTERNAL_URL), fields.externalUrl()));
    found.addAll(
        screener.screen(RequestValidator.LABELS.get(RequestVariables.REMARKS), fields.remarks()));
    for (InspectedAttachment attachment : inspected) {
      found.addAll(
          screener.screen("ชื่อไฟล์แนบ (" + attachment.variable() + ")", attachment.fileName()));
      found.addAll(screener.screen("ไฟล์แนบ " + attachment.fileName(), attachment.text()));
    }
    attachments.deleteAll(kept.attachments);
    findings.deleteAll(kept.findings);
    kept.attachments =
        inspected.stream()
            .map(a -> attachments.save(new RequestAttachment(businessKey, a)))
            .sorted(Comparator.comparing(RequestAttachment::getVariableName))
            .toList();
    kept.findings =
        found.stream().map(f -> findings.save(new PersonalDataFinding(businessKey, f))).toList();
  }

  private void requireNotPreparer(String userId, PublicationRequest request, Kept kept) {
    if (isPreparer(userId, request, kept.signatures)) {
      throw InputRejectedException.forbidden(
          "ผู้จัดเตรียมคำขอไม่สามารถอนุมัติหรือเผยแพร่คำขอของตนเองได้"
              + " (separation of duties: the preparer of a request may not approve or publish it)");
    }
  }

  /**
   * Only the reporter may change a request or its attachments; a later step that tries to is
   * refused.
   */
  private void requireUnchanged(
      PublicationRequest request,
      Kept kept,
      Map<String, Object> variables,
      List<IncomingFile> files) {
    List<String> signed =
        kept.attachments.stream()
            .map(a -> a.getVariableName() + "=" + a.getSha256())
            .sorted()
            .toList();
    List<String> now =
        files.stream().map(f -> f.variable() + "=" + Hashes.sha256(f.content())).sorted().toList();
    if (!validator.validate(variables, null).equals(request.fields()) || !signed.equals(now)) {
      throw InputRejectedException.conflict(
          null,
          "แก้ไขข้อมูลคำขอได้เฉพาะในขั้นตอนจัดเตรียมโดยผู้รายงานเท่านั้น"
              + " กรุณาส่งกลับให้แก้ไข (only the reporter may change the request; return it instead)");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
  }
}
