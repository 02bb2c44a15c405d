package th.go.municipal.publication.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.SignedForm;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.request.RequestSignature.Role;

/**
 * What other capabilities may ask of a request, and all they may change: whether it is approved for
 * publication (with the files exactly as signed), that it was published or taken down, and until
 * when it may stay on the website. Everything else about a request stays in this package.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PublicationRequests {

  /** An attachment exactly as the reporter signed it and the head approved it. */
  public record SignedFile(
      String variable,
      String fileName,
      String kind,
      String mediaType,
      String sha256,
      byte[] content) {}

  /**
   * A request released for publication: its fields as signed, who released it (the webmaster whose
   * "publish" signature follows the head's approval of the last signed round) and its files.
   */
  public record ApprovedRequest(
      String businessKey,
      String processInstanceId,
      RequestFields fields,
      String releasedBy,
      List<SignedFile> files) {}

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestAttachmentRepository attachments;
  private final RequestAuditRecords auditRecords;
  private final Clock clock;

  PublicationRequests(
      PublicationRequestRepository requests,
      RequestSignatureRepository signatures,
      RequestAttachmentRepository attachments,
      RequestAuditRecords auditRecords,
      Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.attachments = attachments;
    this.auditRecords = auditRecords;
    this.clock = clock;
  }

  /**
   * The request as it may be published, with the attachments found in {@code variables}. Refused
   * (409) unless the head approved after the reporter last signed and the webmaster then decided to
   * publish (rule 3.1), or if any attachment differs from, lacks or adds to what was signed.
   */
  public ApprovedRequest approvedForPublication(String businessKey, VariableScope variables) {
    PublicationRequest request = requests.load(businessKey);
    RequestSignature released = approvedAndReleased(businessKey);
    return new ApprovedRequest(
        businessKey,
        request.getProcessInstanceId(),
        request.fields(),
        released.getUserId(),
        signedFiles(businessKey, AttachmentVariables.read(variables)));
  }

  public void markPublished(String businessKey) {
    requests.load(businessKey).moveTo(RequestStatus.PUBLISHED, clock.instant());
  }

  public void markTakenDown(String businessKey) {
    requests.load(businessKey).moveTo(RequestStatus.UNPUBLISHED, clock.instant());
  }

  /**
   * The request form of the announcement's appendix as signed: its fields and the three signatures,
   * for the signed form the audit trail keeps once it is published.
   */
  public SignedForm signedForm(String businessKey) {
    return auditRecords.signedForm(businessKey);
  }

  /** The process instance that carries the request, for the audit trail. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public String processInstanceId(String businessKey) {
    return requests.load(businessKey).getProcessInstanceId();
  }

  /** Who prepared the request (started it), for notices about it; empty for an unknown one. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<String> preparedBy(String businessKey) {
    return requests.findById(businessKey).map(PublicationRequest::getPreparedBy);
  }

  /** The last day the request may stay on the website, if it has one. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<LocalDate> publishUntil(String businessKey) {
    return requests.findById(businessKey).map(PublicationRequest::getPublishUntil);
  }

  /** The files exactly as signed: every signed attachment present, none changed, none added. */
  private List<SignedFile> signedFiles(String businessKey, List<IncomingFile> files) {
    Map<String, IncomingFile> byVariable =
        files.stream().collect(Collectors.toMap(IncomingFile::variable, Function.identity()));
    List<RequestAttachment> signed =
        attachments.findByBusinessKeyOrderByVariableNameAsc(businessKey);
    List<SignedFile> approved = new ArrayList<>();
    for (RequestAttachment attachment : signed) {
      IncomingFile file = byVariable.get(attachment.getVariableName());
      String hash = file == null ? null : Hashes.sha256(file.content());
      if (!attachment.getSha256().equals(hash)) {
        throw InputRejectedException.conflict(
            attachment.getVariableName(),
            "ไฟล์แนบ '"
                + attachment.getFileName()
                + "' ไม่ตรงกับที่ผู้รายงานลงนามและหัวหน้าหน่วยงานอนุมัติ (attachment differs from the approved one)");
      }
      approved.add(
          new SignedFile(
              attachment.getVariableName(),
              attachment.getFileName(),
              attachment.getKind(),
              attachment.getMediaType(),
              hash,
              file.content()));
    }
    if (files.size() != signed.size()) {
      throw InputRejectedException.conflict(
          null, "มีไฟล์แนบที่ไม่ได้รับการอนุมัติ (an attachment was added after approval)");
    }
    return approved;
  }

  /** The webmaster's "publish" signature, if the head approved after the reporter last signed. */
  private RequestSignature approvedAndReleased(String businessKey) {
    List<RequestSignature> trail = signatures.findByBusinessKeyOrderByIdAsc(businessKey);
    int lastReporter = -1;
    for (int i = 0; i < trail.size(); i++) {
      if (trail.get(i).getRole() == Role.REPORTER) {
        lastReporter = i;
      }
    }
    boolean approved = false;
    RequestSignature released = null;
    for (int i = lastReporter + 1; i < trail.size(); i++) {
      RequestSignature s = trail.get(i);
      if (s.getRole() == Role.APPROVER) {
        approved = RequestService.APPROVE.equals(s.getDecision());
      } else if (s.getRole() == Role.PUBLISHER
          && approved
          && RequestService.PUBLISH.equals(s.getDecision())) {
        released = s;
      }
    }
    if (lastReporter < 0 || !approved) {
      throw InputRejectedException.conflict(
          null,
          "ยังไม่มีการอนุมัติรับรองของหัวหน้าหน่วยงาน จึงเผยแพร่ไม่ได้"
              + " (no head approval recorded; nothing is published without it)");
    }
    if (released == null) {
      throw InputRejectedException.conflict(
          null,
          "ผู้นำข้อมูลขึ้นเผยแพร่ยังไม่ได้ตรวจทานและยืนยันการเผยแพร่ (no webmaster decision to publish)");
    }
    return released;
  }
}
