package th.go.municipal.publication.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A publication request as its reporter last signed it. Later steps approve and publish this
 * record, not the process variables, so nothing changed after the reporter's signature slips
 * through.
 */
@Entity
@Table(name = "publication_requests")
class PublicationRequest {

  @Id
  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(nullable = false)
  private String unit;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 10000)
  private String details;

  @Column(nullable = false)
  private String category;

  @Column(name = "oit_item")
  private String oitItem;

  @Column(name = "external_url", length = 2000)
  private String externalUrl;

  @Column(length = 2000)
  private String remarks;

  @Column(name = "publish_from")
  private LocalDate publishFrom;

  @Column(name = "publish_until")
  private LocalDate publishUntil;

  @Column(nullable = false)
  private boolean urgent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RequestStatus status;

  @Column(name = "prepared_by", nullable = false)
  private String preparedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PublicationRequest() {}

  public PublicationRequest(
      String businessKey, String processInstanceId, String preparedBy, Instant now) {
    this.businessKey = businessKey;
    this.processInstanceId = processInstanceId;
    this.preparedBy = preparedBy;
    this.status = RequestStatus.PREPARING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Takes the fields the reporter signed. */
  public void apply(RequestFields fields, Instant now) {
    this.unit = fields.unit();
    this.title = fields.title();
    this.details = fields.details();
    this.category = fields.category();
    this.oitItem = fields.oitItem();
    this.externalUrl = fields.externalUrl();
    this.remarks = fields.remarks();
    this.publishFrom = fields.publishFrom();
    this.publishUntil = fields.publishUntil();
    this.urgent = fields.urgent();
    this.updatedAt = now;
  }

  public RequestFields fields() {
    return new RequestFields(
        unit,
        title,
        details,
        category,
        oitItem,
        externalUrl,
        remarks,
        publishFrom,
        publishUntil,
        urgent);
  }

  public void moveTo(RequestStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getUnit() {
    return unit;
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

  public String getExternalUrl() {
    return externalUrl;
  }

  public String getRemarks() {
    return remarks;
  }

  public LocalDate getPublishFrom() {
    return publishFrom;
  }

  public LocalDate getPublishUntil() {
    return publishUntil;
  }

  public boolean isUrgent() {
    return urgent;
  }

  public RequestStatus getStatus() {
    return status;
  }

  public String getPreparedBy() {
    return preparedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
