package th.go.municipal.publication.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The head of the chain as it was published on one day, outside the database too. */
@Entity
@Table(name = "audit_anchors")
public class AuditAnchor {

  @Id
  @Column(name = "anchor_date")
  private LocalDate date;

  @Column(name = "entry_id")
  private Long entryId;

  @Column(name = "entry_count", nullable = false)
  private long entryCount;

  @Column(nullable = false)
  private String hash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AuditAnchor() {}

  AuditAnchor(LocalDate date, Long entryId, long entryCount, String hash, Instant createdAt) {
    this.date = date;
    this.entryId = entryId;
    this.entryCount = entryCount;
    this.hash = hash;
    this.createdAt = createdAt;
  }

  /** One line per anchor, as the anchor file and the public list write it. */
  public String line() {
    return date + " " + (entryId == null ? 0 : entryId) + " " + entryCount + " " + hash;
  }

  public LocalDate getDate() {
    return date;
  }

  public Long getEntryId() {
    return entryId;
  }

  public long getEntryCount() {
    return entryCount;
  }

  public String getHash() {
    return hash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
