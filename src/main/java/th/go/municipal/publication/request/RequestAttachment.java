package th.go.municipal.publication.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An attachment as the reporter last signed it: what its content is, and its fingerprint. */
@Entity
@Table(name = "request_attachments")
class RequestAttachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false)
  private String businessKey;

  @Column(name = "variable_name", nullable = false)
  private String variableName;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(nullable = false)
  private String kind;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  protected RequestAttachment() {}

  RequestAttachment(String businessKey, InspectedAttachment a) {
    this.businessKey = businessKey;
    this.variableName = a.variable();
    this.fileName = a.fileName();
    this.kind = a.kind();
    this.mediaType = a.mediaType();
    this.sizeBytes = a.size();
    this.sha256 = a.sha256();
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getVariableName() {
    return variableName;
  }

  public String getFileName() {
    return fileName;
  }

  public String getKind() {
    return kind;
  }

  public String getMediaType() {
    return mediaType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }
}
