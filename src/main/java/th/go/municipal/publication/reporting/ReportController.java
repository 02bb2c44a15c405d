package th.go.municipal.publication.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.OitChecklist;

/** The monitoring report for those who oversee: JSON, CSV or an Excel workbook. */
@RestController
class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final MonitoringReports reports;
  private final OitChecklist checklists;
  private final QuarterlyReports quarterly;
  private final ReportExports exports;
  private final ReportAccess access;
  private final Clock clock;

  ReportController(
      MonitoringReports reports,
      OitChecklist checklists,
      QuarterlyReports quarterly,
      ReportExports exports,
      ReportAccess access,
      Clock clock) {
    this.reports = reports;
    this.checklists = checklists;
    this.quarterly = quarterly;
    this.exports = exports;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/api/reports/monitoring")
  ResponseEntity<?> showMonitoringReport(
      @RequestParam(required = false) String fiscalYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest http) {
    access.requireOverseer(http);
    ReportRequest request = new ReportRequest(fiscalYear, quarter, month, from, to, unit);
    MonitoringReport report = reports.report(request.period(clock), request.unitOrNull());
    String name = "monitoring-report-" + report.period().from() + "-" + report.period().to();
    return switch (format) {
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
      case "csv" ->
          download(
              exports.csv(report),
              new MediaType("text", "csv", StandardCharsets.UTF_8),
              name + ".csv");
      case "xlsx" -> download(exports.xlsx(report), XLSX, name + ".xlsx");
      default ->
          throw InputRejectedException.invalid(
              "format", "รูปแบบ (format): ต้องเป็น json, csv หรือ xlsx (json, csv or xlsx)");
    };
  }

  /** The ITA/OIT checklist of a fiscal year (default: this one), as JSON or CSV. */
  @GetMapping("/api/reports/oit")
  ResponseEntity<?> showOitChecklist(
      @RequestParam(required = false) String fiscalYear,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest http) {
    access.requireOverseer(http);
    OitChecklist.Checklist checklist =
        checklists.of(
            new ReportRequest(fiscalYear, null, null, null, null, null).period(clock).fiscalYear(),
            LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
    return switch (format) {
      case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(checklist);
      case "csv" ->
          download(
              exports.csv(checklist),
              new MediaType("text", "csv", StandardCharsets.UTF_8),
              "oit-checklist-" + checklist.fiscalYear() + ".csv");
      default ->
          throw InputRejectedException.invalid(
              "format", "รูปแบบ (format): ต้องเป็น json หรือ csv (json or csv)");
    };
  }

  /** A quarterly report to the head of the agency, as kept once the mayor acknowledged it. */
  @GetMapping("/api/reports/quarterly/{reportKey}.pdf")
  ResponseEntity<byte[]> showQuarterlyReportPdf(
      @PathVariable String reportKey, HttpServletRequest http) {
    access.requireOverseer(http);
    return download(quarterly.pdfOf(reportKey), MediaType.APPLICATION_PDF, reportKey + ".pdf");
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
