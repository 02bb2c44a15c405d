package th.go.municipal.publication.website;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.audit.SignedForms;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.request.Category;
import th.go.municipal.publication.request.IncomingFile;
import th.go.municipal.publication.request.PublicationRequest;
import th.go.municipal.publication.request.PublicationRequestRepository;
import th.go.municipal.publication.request.RequestAttachment;
import th.go.municipal.publication.request.RequestAttachmentRepository;
import th.go.municipal.publication.request.RequestAuditRecords;
import th.go.municipal.publication.request.RequestService;
import th.go.municipal.publication.request.RequestSignature;
import th.go.municipal.publication.request.RequestSignature.Role;
import th.go.municipal.publication.request.RequestSignatureRepository;
import th.go.municipal.publication.request.RequestStatus;

/**
 * Publishes an approved request and takes it down again. Publishing needs the head's approval and
 * the webmaster's decision on record since the reporter last signed (rule 3.1), publishes exactly
 * the attachments that were signed, and happens once however often the job is retried.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PublicationService {

  private static final Logger log = LoggerFactory.getLogger(PublicationService.class);

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestAttachmentRepository signedAttachments;
  private final PublishedItemRepository items;
  private final PublishedAttachmentRepository publishedAttachments;
  private final WebsitePublisher publisher;
  private final RequestService requestService;
  private final AuditService audit;
  private final RequestAuditRecords requestRecords;
  private final SignedForms signedForms;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public PublicationService(
      PublicationRequestRepository requests,
      RequestSignatureRepository signatures,
      RequestAttachmentRepository signedAttachments,
      PublishedItemRepository items,
      PublishedAttachmentRepository publishedAttachments,
      WebsitePublisher publisher,
      RequestService requestService,
      AuditService audit,
      RequestAuditRecords requestRecords,
      SignedForms signedForms,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.signedAttachments = signedAttachments;
    this.items = items;
    this.publishedAttachments = publishedAttachments;
    this.publisher = publisher;
    this.requestService = requestService;
    this.audit = audit;
    this.requestRecords = requestRecords;
    this.signedForms = signedForms;
    this.events = events;
    this.clock = clock;
  }

  public PublishedItem publish(String businessKey, List<IncomingFile> files) {
    var existing = items.findById(businessKey);
    if (existing.isPresent()) {
      log.info("Request {} is already published; retry ignored", businessKey);
      return existing.get();
    }
    PublicationRequest request = load(businessKey);
    RequestSignature publisherSignature = approvedAndReleased(businessKey);
    List<PublishedFile> approvedFiles = approvedFiles(businessKey, files);
    PublicationContent content =
        new PublicationContent(
            businessKey,
            request.getTitle(),
            request.getDetails(),
            SafeHtml.fromPlainText(request.getDetails()),
            request.getCategory(),
            Category.byId(request.getCategory()).map(c -> c.thaiName).orElse(request.getCategory()),
            request.getOitItem(),
            request.getUnit(),
            requestService.unitName(request.getUnit()),
            request.getExternalUrl(),
            request.getPublishFrom(),
            request.getPublishUntil(),
            approvedFiles);
    String url = publisher.publish(content);
    Instant now = clock.instant();
    PublishedItem item =
        items.save(new PublishedItem(content, publisherSignature.getUserId(), now, url));
    approvedFiles.forEach(f -> publishedAttachments.save(new PublishedAttachment(businessKey, f)));
    request.moveTo(RequestStatus.PUBLISHED, now);
    audit.record(
        new AuditRecord(
            businessKey,
            request.getProcessInstanceId(),
            publisherSignature.getUserId(),
            "webmaster",
            "publishToWebsite",
            "published",
            url));
    // The signed form is drawn now, once, and recorded with its fingerprint in the same
    // transaction.
    signedForms.store(
        requestRecords.signedForm(businessKey), request.getUnit(), request.getProcessInstanceId());
    events.publishEvent(new WebsiteContentChanged(businessKey));
    return item;
  }

  /**
   * Takes an item down, at the end of its publication period ({@code by} is "system") or by hand
   * with a reason. Taking down what is already down changes nothing.
   */
  public void withdraw(String businessKey, String by, String reason) {
    PublishedItem item =
        items
            .findById(businessKey)
            .orElseThrow(
                () ->
                    new InputRejectedException(
                        InputRejectedException.Reason.NOT_FOUND,
                        null,
                        "ไม่พบรายการเผยแพร่เลขที่ " + businessKey + " (not published)"));
    if (item.isWithdrawn()) {
      log.info("Item {} is already taken down", businessKey);
      return;
    }
    publisher.unpublish(businessKey);
    Instant now = clock.instant();
    item.withdraw(by, reason, now);
    PublicationRequest request = load(businessKey);
    request.moveTo(RequestStatus.UNPUBLISHED, now);
    audit.record(
        new AuditRecord(
            businessKey,
            request.getProcessInstanceId(),
            by,
            "system".equals(by) ? "system" : "webmaster",
            "withdrawFromWebsite",
            "withdrawn",
            reason));
    events.publishEvent(new WebsiteContentChanged(businessKey));
  }

  private PublicationRequest load(String businessKey) {
    return requests
        .findById(businessKey)
        .orElseThrow(
            () ->
                new InputRejectedException(
                    InputRejectedException.Reason.NOT_FOUND,
                    null,
                    "ไม่พบคำขอเลขที่ " + businessKey + " (request not found)"));
  }

  /** The files exactly as signed: every signed attachment present, none changed, none added. */
  private List<PublishedFile> approvedFiles(String businessKey, List<IncomingFile> files) {
    Map<String, IncomingFile> byVariable =
        files.stream().collect(Collectors.toMap(IncomingFile::variable, Function.identity()));
    List<RequestAttachment> signed =
        signedAttachments.findByBusinessKeyOrderByVariableNameAsc(businessKey);
    List<PublishedFile> approved = new ArrayList<>();
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
          new PublishedFile(
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
