package th.go.municipal.publication.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail that was not sent because no mail server is configured, kept so that nothing is lost.
 */
@Entity
@Table(name = "mail_outbox")
public class MailOutboxEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 4000)
  private String recipients;

  @Column(nullable = false, length = 500)
  private String subject;

  @Column(nullable = false, length = 20000)
  private String body;

  @Column(length = 32)
  private String reference;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "anonymised_at")
  private Instant anonymisedAt;

  protected MailOutboxEntry() {}

  MailOutboxEntry(MailNotice notice, Instant now) {
    this.recipients = String.join(", ", notice.to());
    this.subject = notice.subject();
    this.body = notice.body();
    this.reference = notice.reference();
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getRecipients() {
    return recipients;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getReference() {
    return reference;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When the recipients and text were erased (PDPA), or null while they are kept. */
  public Instant getAnonymisedAt() {
    return anonymisedAt;
  }
}
