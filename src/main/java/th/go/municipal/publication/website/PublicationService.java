package th.go.municipal.publication.website;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.request.PublicationRequest;
import th.go.municipal.publication.request.PublicationRequestRepository;
import th.go.municipal.publication.request.RequestService;
import th.go.municipal.publication.request.RequestSignature;
import th.go.municipal.publication.request.RequestSignature.Role;
import th.go.municipal.publication.request.RequestSignatureRepository;
import th.go.municipal.publication.request.RequestStatus;

/**
 * Publishes an approved request: only with the head's approval and the webmaster's decision on
 * record since the reporter last signed (rule 3.1), and only once, however often the job is retried.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PublicationService {

  private static final Logger log = LoggerFactory.getLogger(PublicationService.class);

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final PublishedItemRepository items;
  private final WebsitePublisher publisher;
  private final RequestService requestService;
  private final AuditService audit;
  private final Clock clock;

  public PublicationService(PublicationRequestRepository requests, RequestSignatureRepository signatures,
      PublishedItemRepository items, WebsitePublisher publisher, RequestService requestService,
      AuditService audit, Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.items = items;
    this.publisher = publisher;
    this.requestService = requestService;
    this.audit = audit;
    this.clock = clock;
  }

  public PublishedItem publish(String businessKey) {
    var existing = items.findById(businessKey);
    if (existing.isPresent()) {
      log.info("Request {} is already published; retry ignored", businessKey);
      return existing.get();
    }
    PublicationRequest request = requests.findById(businessKey).orElseThrow(() -> new InputRejectedException(
        InputRejectedException.Reason.NOT_FOUND, null, "ไม่พบคำขอเลขที่ " + businessKey + " (request not found)"));
    RequestSignature publisherSignature = approvedAndReleased(businessKey);
    PublicationContent content = new PublicationContent(businessKey, request.getTitle(), request.getDetails(),
        request.getCategory(), request.getOitItem(), request.getUnit(), requestService.unitName(request.getUnit()),
        request.getExternalUrl(), request.getPublishFrom(), request.getPublishUntil());
    String url = publisher.publish(content);
    Instant now = clock.instant();
    PublishedItem item = items.save(new PublishedItem(content, publisherSignature.getUserId(), now, url));
    request.moveTo(RequestStatus.PUBLISHED, now);
    audit.record(new AuditRecord(businessKey, request.getProcessInstanceId(), publisherSignature.getUserId(),
        "webmaster", "publishToWebsite", "published", url));
    return item;
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
      } else if (s.getRole() == Role.PUBLISHER && approved && RequestService.PUBLISH.equals(s.getDecision())) {
        released = s;
      }
    }
    if (lastReporter < 0 || !approved) {
      throw InputRejectedException.conflict(null, "ยังไม่มีการอนุมัติรับรองของหัวหน้าหน่วยงาน จึงเผยแพร่ไม่ได้"
          + " (no head approval recorded; nothing is published without it)");
    }
    if (released == null) {
      throw InputRejectedException.conflict(null,
          "ผู้นำข้อมูลขึ้นเผยแพร่ยังไม่ได้ตรวจทานและยืนยันการเผยแพร่ (no webmaster decision to publish)");
    }
    return released;
  }
}
