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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ReferenceNumbers;
import th.go.municipal.publication.common.ThaiDates;
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
    Map<String, Object> content = takeContent(businessKey, fields, inspected);
    audit.record(
        auditRecords.content(
            new AuditRecord(
                businessKey, processInstanceId, userId, "reporter", "submitRequest", null, null),
            request));
    Map<String, Object> outcome = new HashMap<>(content);
    outcome.put(RequestVariables.REQUEST_KEY, businessKey);
    outcome.put(RequestVariables.UNIT_NAME, municipality.unitName(fields.unit()));
    outcome.put(RequestVariables.URGENT, fields.urgent());
    return new StepOutcome(businessKey, outcome, List.of());
  }

  /** Step 1: the reporter checks the request, may change it, and signs. */
  StepOutcome signAsReporter(
      String userId, String businessKey, Map<String, Object> variables, List<IncomingFile> files) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
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
    Map<String, Object> outcome = new HashMap<>(takeContent(businessKey, fields, inspected));
    Signed signed = sign(request, Role.REPORTER, userId, CONFIRM, null, now);
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
            request));
    vouch(request, signed, "reporter");
    outcome.put(RequestVariables.REPORTER_SIGNATURE, signed.display());
    outcome.put(RequestVariables.UNIT_NAME, municipality.unitName(fields.unit()));
    return new StepOutcome(
        businessKey,
        outcome,
        // Decisions of an earlier round must not decide this one.
        List.of(
            HEAD_DECISION,
            HEAD_COMMENT,
            WEBMASTER_DECISION,
            WEBMASTER_COMMENT,
            RequestVariables.RETURN_REASON));
  }

  /** Step 2: the unit's head approves, returns with a reason, or rejects. */
  StepOutcome signAsHead(
      String userId, String businessKey, Map<String, Object> variables, List<IncomingFile> files) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
    requireNotPreparer(userId, request);
    guard.requireMember(
        userId,
        Groups.head(request.getUnit()),
        "เฉพาะหัวหน้าหน่วยงาน"
            + municipality.unitName(request.getUnit())
            + "เท่านั้นที่อนุมัติคำขอนี้ได้ (only the unit's head may decide)");
    requireUnchanged(request, variables, files);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(HEAD_DECISION, List.of(APPROVE, RETURN, REJECT));
    String comment = in.text(HEAD_COMMENT, !APPROVE.equals(decision), RequestValidator.COMMENT_MAX);
    String basis = null;
    String basisComment = null;
    if (APPROVE.equals(decision) && findings.existsByBusinessKey(businessKey)) {
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
    Signed signed = sign(request, Role.APPROVER, userId, decision, comment, now);
    if (basis != null) {
      signed.signature().recordPersonalDataBasis(basis, basisComment);
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
    String signature = signed.display();
    if (RETURN.equals(decision)) {
      return returned(businessKey, "หัวหน้าหน่วยงาน", signature, comment);
    }
    return new StepOutcome(
        businessKey, Map.of(RequestVariables.APPROVER_SIGNATURE, signature), List.of());
  }

  /** Step 3: the webmaster reviews completeness and publishes, or returns with a reason. */
  StepOutcome signAsWebmaster(
      String userId, String businessKey, Map<String, Object> variables, List<IncomingFile> files) {
    guard.signedIn(userId);
    PublicationRequest request = requests.load(businessKey);
    requireNotPreparer(userId, request);
    guard.requireMember(
        userId,
        Groups.WEBMASTER,
        "เฉพาะผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่เท่านั้นที่เผยแพร่ได้ (only the webmaster may publish)");
    requireUnchanged(request, variables, files);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(WEBMASTER_DECISION, List.of(PUBLISH, RETURN));
    String comment =
        in.text(WEBMASTER_COMMENT, RETURN.equals(decision), RequestValidator.COMMENT_MAX);
    Instant now = clock.instant();
    if (RETURN.equals(decision)) {
      request.moveTo(RequestStatus.PREPARING, now);
    }
    Signed signed = sign(request, Role.PUBLISHER, userId, decision, comment, now);
    vouch(request, signed, "webmaster");
    String signature = signed.display();
    if (RETURN.equals(decision)) {
      return returned(businessKey, "ผู้นำข้อมูลขึ้นเผยแพร่", signature, comment);
    }
    return new StepOutcome(
        businessKey, Map.of(RequestVariables.PUBLISHER_SIGNATURE, signature), List.of());
  }

  /**
   * Everyone who has signed as reporter, and the initiator: none of them may approve or publish.
   */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  boolean isPreparer(String userId, PublicationRequest request) {
    return userId.equals(request.getPreparedBy())
        || signatures.existsByBusinessKeyAndRoleAndUserId(
            request.getBusinessKey(), Role.REPORTER, userId);
  }

  private StepOutcome returned(String businessKey, String byRole, String signature, String reason) {
    return new StepOutcome(
        businessKey,
        Map.of(RequestVariables.RETURN_REASON, byRole + " " + signature + ": " + reason),
        // The reporter signs afresh in the next round.
        List.of(REPORTER_CONFIRMED));
  }

  /** A stored signature and how people read it: name, position, Buddhist-era date. */
  private record Signed(RequestSignature signature, String display) {}

  /** The signature, as stored, into the audit trail: a later edit of the row is then found. */
  private void vouch(PublicationRequest request, Signed signed, String role) {
    audit.record(auditRecords.signature(request, signed.signature(), role));
  }

  private Signed sign(
      PublicationRequest request,
      Role role,
      String userId,
      String decision,
      String comment,
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
    return new Signed(signature, signer.display(now));
  }

  /**
   * Stores the attachments and the personal-data findings as the reporter signs them, replacing
   * those of an earlier round, and tells the forms what was found.
   */
  private Map<String, Object> takeContent(
      String businessKey, RequestFields fields, List<InspectedAttachment> inspected) {
    List<PersonalDataScreener.Finding> found = new ArrayList<>();
    found.addAll(
        screener.screen(RequestValidator.LABELS.get(RequestVariables.TITLE), fields.title()));
    found.addAll(
        screener.screen(RequestValidator.LABELS.get(RequestVariables.DETAILS), fields.details()));
    for (InspectedAttachment attachment : inspected) {
      found.addAll(screener.screen("ไฟล์แนบ " + attachment.fileName(), attachment.text()));
    }
    attachments.deleteByBusinessKey(businessKey);
    findings.deleteByBusinessKey(businessKey);
    inspected.forEach(a -> attachments.save(new RequestAttachment(businessKey, a)));
    found.forEach(f -> findings.save(new PersonalDataFinding(businessKey, f)));
    String summary =
        found.stream()
            .map(f -> f.source() + ": " + f.kind().thaiName + " " + f.masked())
            .collect(Collectors.joining("\n"));
    String attachmentList =
        inspected.stream()
            .map(
                a ->
                    a.fileName()
                        + " ("
                        + a.mediaType()
                        + ", "
                        + Math.max(1, a.size() / 1024)
                        + " KB)")
            .collect(Collectors.joining("\n"));
    return Map.of(
        RequestVariables.PERSONAL_DATA_FOUND, !found.isEmpty(),
        RequestVariables.PERSONAL_DATA_FINDINGS, summary,
        RequestVariables.ATTACHMENTS_SUMMARY, attachmentList);
  }

  private void requireNotPreparer(String userId, PublicationRequest request) {
    if (isPreparer(userId, request)) {
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
      PublicationRequest request, Map<String, Object> variables, List<IncomingFile> files) {
    List<String> signed =
        attachments.findByBusinessKeyOrderByVariableNameAsc(request.getBusinessKey()).stream()
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
