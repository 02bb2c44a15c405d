package th.go.municipal.publication.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.InputRejectedException;

/** The monitoring report for those who oversee: JSON, CSV or an Excel workbook. */
@RestController
class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final MonitoringReports reports;
  private final ReportExports exports;
  private final ReportAccess access;
  private final Clock clock;

  ReportController(
      MonitoringReports reports, ReportExports exports, ReportAccess access, Clock clock) {
    this.reports = reports;
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
              new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
              name + ".csv");
      case "xlsx" -> download(exports.xlsx(report), XLSX, name + ".xlsx");
      default ->
          throw InputRejectedException.invalid(
              "format", "รูปแบบ (format): ต้องเป็น json, csv หรือ xlsx (json, csv or xlsx)");
    };
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
