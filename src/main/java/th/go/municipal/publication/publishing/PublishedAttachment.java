package th.go.municipal.publication.publishing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A file published with an item: a copy of the attachment the reporter signed and the head
 * approved.
 */
@Entity
@Table(name = "published_attachments")
class PublishedAttachment {

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

  // Loaded only when the file itself is served, not with every list of attachments.
  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(nullable = false, columnDefinition = "bytea")
  private byte[] content;

  protected PublishedAttachment() {}

  PublishedAttachment(String businessKey, PublishedFile file) {
    this.businessKey = businessKey;
    this.variableName = file.variable();
    this.fileName = file.fileName();
    this.kind = file.kind();
    this.mediaType = file.mediaType();
    this.sizeBytes = file.content().length;
    this.sha256 = file.sha256();
    this.content = file.content();
  }

  public Long getId() {
    return id;
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

  public byte[] getContent() {
    return content;
  }
}
