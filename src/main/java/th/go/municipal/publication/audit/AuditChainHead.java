package th.go.municipal.publication.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the newest hash of the audit chain; writers lock it in turn. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

  static final int ID = 1;

  @Id private Integer id;

  @Column(name = "last_hash", nullable = false)
  private String lastHash;

  @Column(name = "entry_count", nullable = false)
  private long entryCount;

  @Column(name = "last_entry_id")
  private Long lastEntryId;

  protected AuditChainHead() {}

  void advance(AuditEntry entry) {
    this.lastHash = entry.getHash();
    this.lastEntryId = entry.getId();
    this.entryCount++;
  }

  long getEntryCount() {
    return entryCount;
  }

  Long getLastEntryId() {
    return lastEntryId;
  }

  String getLastHash() {
    return lastHash;
  }
}
