package th.go.municipal.publication.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An item on the website: a copy of what the head approved, as the webmaster published it. */
@Entity
@Table(name = "published_items")
class PublishedItem {

  @Id
  @Column(name = "business_key")
  private String businessKey;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 10000)
  private String details;

  @Column(nullable = false)
  private String category;

  @Column(name = "oit_item")
  private String oitItem;

  @Column(nullable = false)
  private String unit;

  @Column(name = "external_url", length = 2000)
  private String externalUrl;

  @Column(name = "publish_from")
  private LocalDate publishFrom;

  @Column(name = "publish_until")
  private LocalDate publishUntil;

  @Column(name = "published_by", nullable = false)
  private String publishedBy;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "public_url", nullable = false, length = 2000)
  private String publicUrl;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_by")
  private String withdrawnBy;

  @Column(name = "withdrawn_reason", length = 2000)
  private String withdrawnReason;

  protected PublishedItem() {}

  PublishedItem(
      PublicationContent content, String publishedBy, Instant publishedAt, String publicUrl) {
    this.businessKey = content.businessKey();
    this.title = content.title();
    this.details = content.details();
    this.category = content.category();
    this.oitItem = content.oitItem();
    this.unit = content.unit();
    this.externalUrl = content.externalUrl();
    this.publishFrom = content.publishFrom();
    this.publishUntil = content.publishUntil();
    this.publishedBy = publishedBy;
    this.publishedAt = publishedAt;
    this.publicUrl = publicUrl;
  }

  void withdraw(String by, String reason, Instant at) {
    this.withdrawnBy = by;
    this.withdrawnReason = reason;
    this.withdrawnAt = at;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawnBy() {
    return withdrawnBy;
  }

  public String getWithdrawnReason() {
    return withdrawnReason;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getTitle() {
    return title;
  }

  public String getDetails() {
    return details;
  }

  public String getCategory() {
    return category;
  }

  public String getOitItem() {
    return oitItem;
  }

  public String getUnit() {
    return unit;
  }

  public String getExternalUrl() {
    return externalUrl;
  }

  public LocalDate getPublishFrom() {
    return publishFrom;
  }

  public LocalDate getPublishUntil() {
    return publishUntil;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublicUrl() {
    return publicUrl;
  }
}
