package th.go.municipal.publication.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One signature on a request: who signed which step, as whom, with what decision, and when. */
@Entity
@Table(name = "request_signatures")
class RequestSignature {

  /** The three signing roles of the announcement's form. */
  public enum Role {
    REPORTER,
    APPROVER,
    PUBLISHER
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false)
  private String businessKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Column(nullable = false)
  private String position;

  @Column(nullable = false)
  private String decision;

  @Column(length = 2000)
  private String comment;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  @Column(name = "personal_data_basis")
  private String personalDataBasis;

  @Column(name = "personal_data_comment", length = 2000)
  private String personalDataComment;

  protected RequestSignature() {}

  public RequestSignature(
      String businessKey,
      Role role,
      String userId,
      String fullName,
      String position,
      String decision,
      String comment,
      Instant signedAt) {
    this.businessKey = businessKey;
    this.role = role;
    this.userId = userId;
    this.fullName = fullName;
    this.position = position;
    this.decision = decision;
    this.comment = comment;
    // Microseconds, as the databases keep it (they round finer times), so that the fingerprint
    // in the audit trail can be recomputed from the stored row.
    this.signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The legal basis on which the head approved publishing personal data, and why. */
  public void recordPersonalDataBasis(String basis, String comment) {
    this.personalDataBasis = basis;
    this.personalDataComment = comment;
  }

  public String getPersonalDataBasis() {
    return personalDataBasis;
  }

  public String getPersonalDataComment() {
    return personalDataComment;
  }

  public Long getId() {
    return id;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public Role getRole() {
    return role;
  }

  public String getUserId() {
    return userId;
  }

  public String getFullName() {
    return fullName;
  }

  public String getPosition() {
    return position;
  }

  public String getDecision() {
    return decision;
  }

  public String getComment() {
    return comment;
  }

  public Instant getSignedAt() {
    return signedAt;
  }
}
