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

  /** When it was handed to the mail server; null while queued or kept. */
  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(nullable = false)
  private int attempts;

  /** When to try (again) to send it; null for a notice kept, not queued, or given up on. */
  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 2000)
  private String lastError;

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

  /** A notice to be sent after the transaction that wrote it has committed. */
  static MailOutboxEntry queued(MailNotice notice, Instant now) {
    MailOutboxEntry entry = new MailOutboxEntry(notice, now);
    entry.nextAttemptAt = now;
    return entry;
  }

  MailNotice notice() {
    return new MailNotice(java.util.List.of(recipients.split(", ")), subject, body, reference);
  }

  void sent(Instant at) {
    this.sentAt = at;
    this.nextAttemptAt = null;
    this.lastError = null;
  }

  /** Taken by one node to send; others leave it alone until {@code until}. */
  void claim(Instant until) {
    this.nextAttemptAt = until;
  }

  /** A refused delivery: tried again at {@code next}, or never again when that is null. */
  void failed(String error, Instant next) {
    this.attempts++;
    this.lastError = error == null ? null : error.substring(0, Math.min(2000, error.length()));
    this.nextAttemptAt = next;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
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
