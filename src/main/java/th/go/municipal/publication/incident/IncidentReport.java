package th.go.municipal.publication.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An urgent incident reported to the mayor: what happened, who reported it, who acknowledged it.
 */
@Entity
@Table(name = "incident_reports")
public class IncidentReport {

  @Id
  @Column(name = "incident_key")
  private String incidentKey;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "request_key")
  private String requestKey;

  @Column(nullable = false)
  private String unit;

  @Column(name = "incident_at")
  private Instant incidentAt;

  @Column(length = 500)
  private String location;

  @Column(name = "affected_count")
  private Long affectedCount;

  @Column(name = "damage_area", length = 1000)
  private String damageArea;

  @Column(length = 2000)
  private String cause;

  @Column(length = 2000)
  private String remedy;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "acknowledged_by")
  private String acknowledgedBy;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "mayor_comment", length = 2000)
  private String mayorComment;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IncidentReport() {}

  IncidentReport(
      String incidentKey, String processInstanceId, String requestKey, String unit, Instant now) {
    this.incidentKey = incidentKey;
    this.processInstanceId = processInstanceId;
    this.requestKey = requestKey;
    this.unit = unit;
    this.createdAt = now;
  }

  void describe(IncidentFacts facts) {
    this.incidentAt = facts.incidentAt();
    this.location = facts.location();
    this.affectedCount = facts.affectedCount();
    this.damageArea = facts.damageArea();
    this.cause = facts.cause();
    this.remedy = facts.remedy();
  }

  void reported(String userId, Instant at) {
    this.reportedBy = userId;
    this.reportedAt = at;
  }

  void acknowledged(String userId, String comment, Instant at) {
    this.acknowledgedBy = userId;
    this.mayorComment = comment;
    this.acknowledgedAt = at;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getIncidentKey() {
    return incidentKey;
  }

  public String getRequestKey() {
    return requestKey;
  }

  public String getUnit() {
    return unit;
  }

  public Instant getIncidentAt() {
    return incidentAt;
  }

  public String getLocation() {
    return location;
  }

  public Long getAffectedCount() {
    return affectedCount;
  }

  public String getDamageArea() {
    return damageArea;
  }

  public String getCause() {
    return cause;
  }

  public String getRemedy() {
    return remedy;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public String getAcknowledgedBy() {
    return acknowledgedBy;
  }

  public String getMayorComment() {
    return mayorComment;
  }
}
