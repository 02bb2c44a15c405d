package th.go.municipal.publication.publishing;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * For tests of those who read what is published (the website, reports): puts items straight into
 * publishing's tables, the way {@link PublicationService} leaves them, without walking requests
 * through the process.
 */
public final class PublishedItemsFixture {

  private final PublishedItemRepository items;
  private final PublishedAttachmentRepository attachments;

  public PublishedItemsFixture(ApplicationContext context) {
    this.items = context.getBean(PublishedItemRepository.class);
    this.attachments = context.getBean(PublishedAttachmentRepository.class);
  }

  public void deleteAll() {
    attachments.deleteAllInBatch();
    items.deleteAllInBatch();
  }

  /** An item as published at {@code at}, taken down at {@code withdrawnAt} unless that is null. */
  public void save(
      PublicationContent content,
      String publishedBy,
      Instant at,
      String publicUrl,
      Instant withdrawnAt) {
    PublishedItem item = new PublishedItem(content, publishedBy, at, publicUrl);
    if (withdrawnAt != null) {
      item.withdraw(publishedBy, "ข้อมูลคลาดเคลื่อน", withdrawnAt);
    }
    items.save(item);
    content
        .attachments()
        .forEach(f -> attachments.save(new PublishedAttachment(content.businessKey(), f)));
  }
}
