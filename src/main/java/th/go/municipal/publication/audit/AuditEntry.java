package th.go.municipal.publication.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in the audit trail, chained to the one before by a SHA-256 hash. */
@Entity
@Table(name = "audit_entries")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subject_key")
  private String subjectKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String role;

  @Column(nullable = false)
  private String action;

  private String decision;

  @Column(length = 2000)
  private String comment;

  private String unit;

  @Column(name = "object_ref")
  private String objectRef;

  private String fingerprint;

  @Column(length = 60000)
  private String details;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "previous_hash", nullable = false)
  private String previousHash;

  @Column(nullable = false)
  private String hash;

  protected AuditEntry() {}

  AuditEntry(AuditRecord record, Instant recordedAt, String previousHash, String hash) {
    this.subjectKey = record.subjectKey();
    this.processInstanceId = record.processInstanceId();
    this.actor = record.actor();
    this.role = record.role();
    this.action = record.action();
    this.decision = record.decision();
    this.comment = record.comment();
    this.unit = record.unit();
    this.objectRef = record.objectRef();
    this.fingerprint = record.fingerprint();
    this.details = record.details();
    this.recordedAt = recordedAt;
    this.previousHash = previousHash;
    this.hash = hash;
  }

  AuditRecord record() {
    return new AuditRecord(
        subjectKey,
        processInstanceId,
        actor,
        role,
        action,
        decision,
        comment,
        unit,
        objectRef,
        fingerprint,
        details);
  }

  public Long getId() {
    return id;
  }

  public String getSubjectKey() {
    return subjectKey;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getActor() {
    return actor;
  }

  public String getRole() {
    return role;
  }

  public String getAction() {
    return action;
  }

  public String getDecision() {
    return decision;
  }

  public String getComment() {
    return comment;
  }

  public String getUnit() {
    return unit;
  }

  public String getObjectRef() {
    return objectRef;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  public String getDetails() {
    return details;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }
}
