package th.go.municipal.publication.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.audit.SignedForms;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.request.Category;
import th.go.municipal.publication.request.PublicationRequests;
import th.go.municipal.publication.request.PublicationRequests.ApprovedRequest;
import th.go.municipal.publication.request.RequestFields;

/**
 * Publishes an approved request and takes it down again. What may be published, and with which
 * files, the request decides ({@link PublicationRequests#approvedForPublication}); here it is put
 * on the website once, however often the job is retried, and recorded.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PublicationService {

  private static final Logger log = LoggerFactory.getLogger(PublicationService.class);

  private final PublicationRequests requests;
  private final PublishedItemRepository items;
  private final PublishedAttachmentRepository publishedAttachments;
  private final WebsitePublisher publisher;
  private final AuditService audit;
  private final SignedForms signedForms;
  private final MunicipalityProperties municipality;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PublicationService(
      PublicationRequests requests,
      PublishedItemRepository items,
      PublishedAttachmentRepository publishedAttachments,
      WebsitePublisher publisher,
      AuditService audit,
      SignedForms signedForms,
      MunicipalityProperties municipality,
      ApplicationEventPublisher events,
      Clock clock) {
    this.requests = requests;
    this.items = items;
    this.publishedAttachments = publishedAttachments;
    this.publisher = publisher;
    this.audit = audit;
    this.signedForms = signedForms;
    this.municipality = municipality;
    this.events = events;
    this.clock = clock;
  }

  /** Publishes the request with the signed files found in {@code variables}; its public URL. */
  public String publish(String businessKey, VariableScope variables) {
    var existing = items.findById(businessKey);
    if (existing.isPresent()) {
      log.info("Request {} is already published; retry ignored", businessKey);
      return existing.get().getPublicUrl();
    }
    ApprovedRequest approved = requests.approvedForPublication(businessKey, variables);
    RequestFields fields = approved.fields();
    List<PublishedFile> files =
        approved.files().stream()
            .map(
                f ->
                    new PublishedFile(
                        f.variable(),
                        f.fileName(),
                        f.kind(),
                        f.mediaType(),
                        f.sha256(),
                        f.content()))
            .toList();
    PublicationContent content =
        new PublicationContent(
            businessKey,
            fields.title(),
            fields.details(),
            SafeHtml.fromPlainText(fields.details()),
            fields.category(),
            Category.byId(fields.category()).map(c -> c.thaiName).orElse(fields.category()),
            fields.oitItem(),
            fields.unit(),
            municipality.unitName(fields.unit()),
            fields.externalUrl(),
            fields.publishFrom(),
            fields.publishUntil(),
            files);
    String url = publisher.publish(content);
    Instant now = clock.instant();
    items.save(new PublishedItem(content, approved.releasedBy(), now, url));
    files.forEach(f -> publishedAttachments.save(new PublishedAttachment(businessKey, f)));
    requests.markPublished(businessKey);
    audit.record(
        new AuditRecord(
            businessKey,
            approved.processInstanceId(),
            approved.releasedBy(),
            "webmaster",
            "publishToWebsite",
            "published",
            url));
    // The signed form is drawn now, once, and recorded with its fingerprint in this transaction.
    signedForms.store(
        requests.signedForm(businessKey), fields.unit(), approved.processInstanceId());
    events.publishEvent(
        new ItemPublished(
            businessKey,
            fields.title(),
            fields.unit(),
            fields.category(),
            fields.oitItem(),
            url,
            now));
    events.publishEvent(new PublishedContentChanged(businessKey));
    return url;
  }

  /**
   * Takes an item down, at the end of its publication period ({@code by} is {@link
   * AuditRecord#SYSTEM}) or by hand with a reason; false when it was down already, which changes
   * nothing. The item's row stays locked until the caller's transaction ends, so of two take-downs
   * at once exactly one takes it down.
   */
  public boolean withdraw(String businessKey, String by, String reason) {
    PublishedItem item =
        items
            .lockById(businessKey)
            .orElseThrow(
                () -> InputRejectedException.notFound("รายการเผยแพร่เลขที่ " + businessKey));
    if (item.isWithdrawn()) {
      log.info("Item {} is already taken down", businessKey);
      return false;
    }
    publisher.unpublish(businessKey);
    Instant now = clock.instant();
    item.withdraw(by, reason, now);
    requests.markTakenDown(businessKey);
    audit.record(
        new AuditRecord(
            businessKey,
            requests.processInstanceId(businessKey),
            by,
            AuditRecord.SYSTEM.equals(by) ? AuditRecord.SYSTEM : "webmaster",
            "withdrawFromWebsite",
            "withdrawn",
            reason));
    events.publishEvent(
        new ItemTakenDown(businessKey, item.getUnit(), item.getCategory(), item.getOitItem(), now));
    events.publishEvent(new PublishedContentChanged(businessKey));
    return true;
  }

  /** Who took the item down and when, in Thai, for a refusal to take it down again. */
  String whoWithdrew(String businessKey) {
    return items
        .findById(businessKey)
        .map(i -> i.getWithdrawnBy() + " เมื่อ " + ThaiDates.dateTime(i.getWithdrawnAt()))
        .orElse("");
  }
}
