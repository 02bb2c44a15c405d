package th.go.municipal.publication.request;

import static th.go.municipal.publication.request.RequestVariables.HEAD_COMMENT;
import static th.go.municipal.publication.request.RequestVariables.HEAD_DECISION;
import static th.go.municipal.publication.request.RequestVariables.REPORTER_CONFIRMED;
import static th.go.municipal.publication.request.RequestVariables.WEBMASTER_COMMENT;
import static th.go.municipal.publication.request.RequestVariables.WEBMASTER_DECISION;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
import th.go.municipal.publication.identity.StaffDirectory.Signer;
import th.go.municipal.publication.request.RequestSignature.Role;

/**
 * The three signed steps of the announcement. Every method runs in the engine's transaction and
 * either records the whole step (fields, signature, status, audit) or refuses it and changes
 * nothing. Separation of duties lives here, not in a form: whoever prepared a request can never
 * approve or publish it, whatever groups they hold.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class RequestService {

  public static final String APPROVE = "approve";
  public static final String RETURN = "return";
  public static final String REJECT = "reject";
  public static final String PUBLISH = "publish";
  static final String CONFIRM = "confirm";

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestValidator validator;
  private final StaffDirectory staff;
  private final ReferenceNumbers numbers;
  private final AuditService audit;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  public RequestService(PublicationRequestRepository requests, RequestSignatureRepository signatures,
      RequestValidator validator, StaffDirectory staff, ReferenceNumbers numbers, AuditService audit,
      MunicipalityProperties municipality, Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.validator = validator;
    this.staff = staff;
    this.numbers = numbers;
    this.audit = audit;
    this.municipality = municipality;
    this.clock = clock;
  }

  /** What a signed step tells the process: variables for later steps and forms to show. */
  public record StepOutcome(String businessKey, Map<String, Object> variablesToSet, List<String> variablesToRemove) {}

  /** A reporter submits a new request: validated, numbered and stored, or refused whole. */
  public StepOutcome register(String userId, String processInstanceId, Map<String, Object> variables) {
    requireUser(userId);
    RequestFields fields = validator.validate(variables, today());
    requireMember(userId, Groups.reporter(fields.unit()),
        "เฉพาะผู้รับผิดชอบการให้ข้อมูลของหน่วยงานนี้เท่านั้นที่ยื่นคำขอได้ (only the unit's reporters may submit)");
    String businessKey = numbers.next("PR");
    Instant now = clock.instant();
    PublicationRequest request = new PublicationRequest(businessKey, processInstanceId, userId, now);
    request.apply(fields, now);
    requests.save(request);
    audit.record(new AuditRecord(businessKey, processInstanceId, userId, "reporter", "submitRequest", null, null));
    return new StepOutcome(businessKey, Map.of(
        RequestVariables.REQUEST_KEY, businessKey,
        RequestVariables.UNIT_NAME, unitName(fields.unit()),
        RequestVariables.URGENT, fields.urgent()), List.of());
  }

  /** Step 1: the reporter checks the request, may change it, and signs. */
  public StepOutcome signAsReporter(String userId, String businessKey, Map<String, Object> variables) {
    requireUser(userId);
    PublicationRequest request = load(businessKey);
    FieldReader in = validator.reader(variables);
    if (!in.bool(REPORTER_CONFIRMED, false)) {
      throw in.invalid(REPORTER_CONFIRMED,
          "กรุณายืนยันว่าได้ตรวจสอบความถูกต้อง ครบถ้วน และสมบูรณ์ของข้อมูลแล้ว (confirmation required)");
    }
    RequestFields fields = validator.validate(variables, today());
    requireMember(userId, Groups.reporter(fields.unit()),
        "เฉพาะผู้รับผิดชอบการให้ข้อมูลของหน่วยงานนี้เท่านั้นที่ลงนามได้ (only the unit's reporters may sign)");
    Instant now = clock.instant();
    request.apply(fields, now);
    request.moveTo(RequestStatus.AWAITING_APPROVAL, now);
    String signature = sign(request, Role.REPORTER, userId, CONFIRM, null, now);
    return new StepOutcome(businessKey, Map.of(
        RequestVariables.REPORTER_SIGNATURE, signature,
        RequestVariables.UNIT_NAME, unitName(fields.unit())),
        // Decisions of an earlier round must not decide this one.
        List.of(HEAD_DECISION, HEAD_COMMENT, WEBMASTER_DECISION, WEBMASTER_COMMENT, RequestVariables.RETURN_REASON));
  }

  /** Step 2: the unit's head approves, returns with a reason, or rejects. */
  public StepOutcome signAsHead(String userId, String businessKey, Map<String, Object> variables) {
    requireUser(userId);
    PublicationRequest request = load(businessKey);
    requireNotPreparer(userId, request);
    requireMember(userId, Groups.head(request.getUnit()),
        "เฉพาะหัวหน้าหน่วยงาน" + unitName(request.getUnit()) + "เท่านั้นที่อนุมัติคำขอนี้ได้ (only the unit's head may decide)");
    requireUnchanged(request, variables);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(HEAD_DECISION, List.of(APPROVE, RETURN, REJECT));
    String comment = in.text(HEAD_COMMENT, !APPROVE.equals(decision), RequestValidator.COMMENT_MAX);
    Instant now = clock.instant();
    request.moveTo(switch (decision) {
      case APPROVE -> RequestStatus.AWAITING_PUBLICATION;
      case RETURN -> RequestStatus.PREPARING;
      default -> RequestStatus.REJECTED;
    }, now);
    String signature = sign(request, Role.APPROVER, userId, decision, comment, now);
    if (RETURN.equals(decision)) {
      return returned(businessKey, "หัวหน้าหน่วยงาน", signature, comment);
    }
    return new StepOutcome(businessKey, Map.of(RequestVariables.APPROVER_SIGNATURE, signature), List.of());
  }

  /** Step 3: the webmaster reviews completeness and publishes, or returns with a reason. */
  public StepOutcome signAsWebmaster(String userId, String businessKey, Map<String, Object> variables) {
    requireUser(userId);
    PublicationRequest request = load(businessKey);
    requireNotPreparer(userId, request);
    requireMember(userId, Groups.WEBMASTER,
        "เฉพาะผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่เท่านั้นที่เผยแพร่ได้ (only the webmaster may publish)");
    requireUnchanged(request, variables);
    FieldReader in = validator.reader(variables);
    String decision = in.oneOf(WEBMASTER_DECISION, List.of(PUBLISH, RETURN));
    String comment = in.text(WEBMASTER_COMMENT, RETURN.equals(decision), RequestValidator.COMMENT_MAX);
    Instant now = clock.instant();
    if (RETURN.equals(decision)) {
      request.moveTo(RequestStatus.PREPARING, now);
    }
    String signature = sign(request, Role.PUBLISHER, userId, decision, comment, now);
    if (RETURN.equals(decision)) {
      return returned(businessKey, "ผู้นำข้อมูลขึ้นเผยแพร่", signature, comment);
    }
    return new StepOutcome(businessKey, Map.of(RequestVariables.PUBLISHER_SIGNATURE, signature), List.of());
  }

  /** Everyone who has signed as reporter, and the initiator: none of them may approve or publish. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean isPreparer(String userId, PublicationRequest request) {
    return userId.equals(request.getPreparedBy())
        || signatures.existsByBusinessKeyAndRoleAndUserId(request.getBusinessKey(), Role.REPORTER, userId);
  }

  @Transactional(propagation = Propagation.SUPPORTS)
  public String unitName(String unit) {
    return municipality.unit(unit).map(MunicipalityProperties.Unit::name).orElse(unit);
  }

  private StepOutcome returned(String businessKey, String byRole, String signature, String reason) {
    return new StepOutcome(businessKey,
        Map.of(RequestVariables.RETURN_REASON, byRole + " " + signature + ": " + reason),
        // The reporter signs afresh in the next round.
        List.of(REPORTER_CONFIRMED));
  }

  private String sign(PublicationRequest request, Role role, String userId, String decision, String comment,
      Instant now) {
    Signer signer = staff.signer(userId);
    signatures.save(new RequestSignature(request.getBusinessKey(), role, userId, signer.fullName(),
        signer.position(), decision, comment, now));
    return signer.fullName() + (signer.position().isEmpty() ? "" : " ตำแหน่ง " + signer.position())
        + " · " + ThaiDates.dateTime(now);
  }

  private PublicationRequest load(String businessKey) {
    return requests.findById(businessKey).orElseThrow(() -> new InputRejectedException(
        InputRejectedException.Reason.NOT_FOUND, null, "ไม่พบคำขอเลขที่ " + businessKey + " (request not found)"));
  }

  private void requireUser(String userId) {
    if (userId == null) {
      throw InputRejectedException.forbidden(
          "ต้องเข้าสู่ระบบด้วยบัญชีของตนเองก่อนลงนาม (an authenticated user must sign each step)");
    }
  }

  private void requireMember(String userId, String group, String message) {
    if (!staff.isMember(userId, group)) {
      throw InputRejectedException.forbidden(message);
    }
  }

  private void requireNotPreparer(String userId, PublicationRequest request) {
    if (isPreparer(userId, request)) {
      throw InputRejectedException.forbidden("ผู้จัดเตรียมคำขอไม่สามารถอนุมัติหรือเผยแพร่คำขอของตนเองได้"
          + " (separation of duties: the preparer of a request may not approve or publish it)");
    }
  }

  /** Only the reporter may change a request; a later step that tries to is refused. */
  private void requireUnchanged(PublicationRequest request, Map<String, Object> variables) {
    if (!validator.validate(variables, null).equals(request.fields())) {
      throw InputRejectedException.conflict(null, "แก้ไขข้อมูลคำขอได้เฉพาะในขั้นตอนจัดเตรียมโดยผู้รายงานเท่านั้น"
          + " กรุณาส่งกลับให้แก้ไข (only the reporter may change the request; return it instead)");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
  }
}
