package th.go.municipal.publication.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A report to the head of the agency for one period: the figures as they were when it was prepared,
 * the results and problems the webmaster added, where it stands, and the PDF kept once the mayor
 * acknowledged it.
 */
@Entity
@Table(name = "quarterly_reports")
class QuarterlyReport {

  enum Status {
    PREPARING,
    IN_REVIEW,
    AWAITING_ACKNOWLEDGEMENT,
    ACKNOWLEDGED
  }

  @Id
  @Column(name = "report_key")
  private String reportKey;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "period_from", nullable = false)
  private LocalDate periodFrom;

  @Column(name = "period_to", nullable = false)
  private LocalDate periodTo;

  @Column(name = "period_label", nullable = false, length = 200)
  private String periodLabel;

  @Column(nullable = false, length = 1_000_000)
  private String figures;

  @Column(length = 5000)
  private String results;

  @Column(length = 5000)
  private String problems;

  @Column(nullable = false, length = 32)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status;

  @Column(name = "pdf")
  private byte[] pdf;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected QuarterlyReport() {}

  QuarterlyReport(
      String reportKey,
      String processInstanceId,
      ReportPeriod period,
      String figures,
      Instant createdAt) {
    this.reportKey = reportKey;
    this.processInstanceId = processInstanceId;
    this.periodFrom = period.from();
    this.periodTo = period.to();
    this.periodLabel = period.label();
    this.figures = figures;
    this.status = Status.PREPARING;
    this.createdAt = createdAt;
  }

  void describe(String results, String problems) {
    this.results = results;
    this.problems = problems;
    this.status = Status.IN_REVIEW;
  }

  void moveTo(Status status) {
    this.status = status;
  }

  void keep(byte[] pdf) {
    this.pdf = pdf;
  }

  String getReportKey() {
    return reportKey;
  }

  String getProcessInstanceId() {
    return processInstanceId;
  }

  LocalDate getPeriodFrom() {
    return periodFrom;
  }

  LocalDate getPeriodTo() {
    return periodTo;
  }

  String getPeriodLabel() {
    return periodLabel;
  }

  String getFigures() {
    return figures;
  }

  String getResults() {
    return results;
  }

  String getProblems() {
    return problems;
  }

  Status getStatus() {
    return status;
  }

  byte[] getPdf() {
    return pdf;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
