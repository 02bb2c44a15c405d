package th.go.municipal.publication.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The numbers of section 2.3 for a period: what was published and taken down, visits, the public's
 * requests and comments, urgent incidents, returns and rejections with their reasons, how long each
 * step took, and what is overdue now. The page, JSON, CSV and XLSX all show this one object.
 */
public record MonitoringReport(
    Period period,
    String unit,
    String unitName,
    Instant generatedAt,
    Totals totals,
    List<Month> months,
    List<UnitRow> units,
    List<Breakdown> categories,
    List<Breakdown> oitItems,
    List<InquiryKindRow> inquiryKinds,
    List<StepRow> steps,
    List<DecisionRow> decisions,
    List<OverdueTask> overdueTasks) {

  /** The period: first and last day, its Thai name and the fiscal year it starts in. */
  public record Period(LocalDate from, LocalDate to, String label, int fiscalYear) {}

  /**
   * The whole period. {@code uniqueVisitors} adds up each day's distinct visitors, and is null for
   * one unit (visitors are not counted per unit); {@code unanswered} is of the requests received in
   * the period; the overdue counts are as of the moment the report was made.
   */
  public record Totals(
      long published,
      long withdrawn,
      long pageViews,
      Long uniqueVisitors,
      long inquiries,
      long answeredOnTime,
      long answeredLate,
      long unanswered,
      long incidents,
      long returned,
      long rejected,
      long overdueTasks,
      long overdueInquiries) {}

  /** One calendar month of the period (partial at its edges). */
  public record Month(
      String month,
      String label,
      long published,
      long withdrawn,
      long pageViews,
      Long uniqueVisitors,
      long inquiries,
      long incidents) {}

  public record UnitRow(
      String unit,
      String name,
      long published,
      long withdrawn,
      long pageViews,
      long inquiries,
      long answeredOnTime,
      long answeredLate,
      long incidents,
      long returned,
      long rejected) {}

  /** Counts under one category (2.1) or ITA/OIT indicator. */
  public record Breakdown(String id, String name, long published, long withdrawn, long pageViews) {}

  public record InquiryKindRow(
      String kind,
      String name,
      long received,
      long answeredOnTime,
      long answeredLate,
      long unanswered) {}

  /**
   * A step of the request: how many were signed in the period, the median and 90th percentile of
   * the hours from arrival to signature (within 10 %), returns and rejections, and overdue now.
   */
  public record StepRow(
      String step,
      String name,
      long signed,
      Double medianHours,
      Double p90Hours,
      long returned,
      long rejected,
      long overdueNow) {}

  public record DecisionRow(
      String businessKey,
      String unit,
      String unitName,
      String step,
      String stepName,
      String decision,
      String reason,
      String decidedBy,
      Instant decidedAt,
      String decidedAtThai) {}

  public record OverdueTask(
      String businessKey,
      String unit,
      String unitName,
      String step,
      String stepName,
      Instant dueAt,
      String dueAtThai,
      long daysOverdue) {}
}
