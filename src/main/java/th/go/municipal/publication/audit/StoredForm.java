package th.go.municipal.publication.audit;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A signed request form as drawn when the webmaster published it; never changed. */
@Entity
@Immutable
@Table(name = "signed_forms")
class StoredForm {

  @Id
  @Column(name = "business_key")
  private String businessKey;

  @Column(nullable = false)
  private String unit;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "content_fingerprint", nullable = false)
  private String contentFingerprint;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(nullable = false, columnDefinition = "bytea")
  private byte[] pdf;

  protected StoredForm() {}

  StoredForm(
      String businessKey,
      String unit,
      String sha256,
      String contentFingerprint,
      byte[] pdf,
      Instant createdAt) {
    this.businessKey = businessKey;
    this.unit = unit;
    this.sha256 = sha256;
    this.contentFingerprint = contentFingerprint;
    this.sizeBytes = pdf.length;
    this.pdf = pdf;
    this.createdAt = createdAt;
  }

  String getBusinessKey() {
    return businessKey;
  }

  String getUnit() {
    return unit;
  }

  String getSha256() {
    return sha256;
  }

  String getContentFingerprint() {
    return contentFingerprint;
  }

  long getSizeBytes() {
    return sizeBytes;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  byte[] getPdf() {
    return pdf;
  }
}
