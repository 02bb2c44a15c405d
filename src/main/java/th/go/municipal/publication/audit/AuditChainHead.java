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

  protected AuditChainHead() {}

  String getLastHash() {
    return lastHash;
  }

  void setLastHash(String lastHash) {
    this.lastHash = lastHash;
  }
}
