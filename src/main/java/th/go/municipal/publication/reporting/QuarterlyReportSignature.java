package th.go.municipal.publication.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signature on a quarterly report: who, their name and position, what they decided, when. */
@Entity
@Table(name = "quarterly_report_signatures")
class QuarterlyReportSignature {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "report_key", nullable = false)
  private String reportKey;

  @Column(nullable = false, length = 16)
  private String role;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Column(nullable = false)
  private String position;

  @Column(nullable = false, length = 16)
  private String decision;

  @Column(length = 2000)
  private String comment;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  protected QuarterlyReportSignature() {}

  QuarterlyReportSignature(
      String reportKey,
      String role,
      String userId,
      String fullName,
      String position,
      String decision,
      String comment,
      Instant signedAt) {
    this.reportKey = reportKey;
    this.role = role;
    this.userId = userId;
    this.fullName = fullName;
    this.position = position;
    this.decision = decision;
    this.comment = comment;
    this.signedAt = signedAt;
  }

  String getRole() {
    return role;
  }

  String getUserId() {
    return userId;
  }

  String getFullName() {
    return fullName;
  }

  String getPosition() {
    return position;
  }

  String getDecision() {
    return decision;
  }

  String getComment() {
    return comment;
  }

  Instant getSignedAt() {
    return signedAt;
  }
}
