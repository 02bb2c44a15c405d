package th.go.municipal.publication.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.publishing.OitChecklist;

/**
 * The monitoring report as a page in Thai for the staff who oversee: the period's numbers, charts
 * drawn by the service as SVG, the tables, and links to the same report as CSV, Excel and JSON.
 * Reached with the Tasklist login (or HTTP basic); others get a Thai page saying why not.
 */
@Controller
class ReportPageController {

  private final MonitoringReports reports;
  private final OitChecklist checklists;
  private final ReportAccess access;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  ReportPageController(
      MonitoringReports reports,
      OitChecklist checklists,
      ReportAccess access,
      MunicipalityProperties municipality,
      Clock clock) {
    this.reports = reports;
    this.checklists = checklists;
    this.access = access;
    this.municipality = municipality;
    this.clock = clock;
  }

  @GetMapping("/reports/monitoring")
  String showMonitoringReport(
      @RequestParam(required = false) String fiscalYear,
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String unit,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("municipality", municipality);
    MonitoringReport report;
    try {
      access.requireOverseer(http);
      ReportRequest request = new ReportRequest(fiscalYear, quarter, month, from, to, unit);
      report = reports.report(request.period(clock), request.unitOrNull());
    } catch (InputRejectedException refused) {
      return refused(refused, response, model);
    }
    model.addAttribute("report", report);
    model.addAttribute("charts", charts(report));
    model.addAttribute("query", query(report));
    model.addAttribute("units", municipality.getUnits());
    return "reports/monitoring";
  }

  /** The ITA/OIT checklist of a fiscal year: evidence, what is missing, what is still to come. */
  @GetMapping("/reports/oit")
  String showOitChecklist(
      @RequestParam(required = false) String fiscalYear,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("municipality", municipality);
    try {
      access.requireOverseer(http);
      int year =
          new ReportRequest(fiscalYear, null, null, null, null, null).period(clock).fiscalYear();
      model.addAttribute(
          "checklist", checklists.of(year, LocalDate.now(clock.withZone(ThaiDates.BANGKOK))));
    } catch (InputRejectedException refused) {
      return refused(refused, response, model);
    }
    return "reports/oit";
  }

  private static String refused(
      InputRejectedException refused, HttpServletResponse response, Model model) {
    response.setStatus(refused.getReason().status);
    if (refused.getReason() == InputRejectedException.Reason.UNAUTHORIZED) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"publication\", charset=\"UTF-8\"");
    }
    model.addAttribute("message", refused.getMessage());
    return "reports/refused";
  }

  /** The query string that asks the API for the very same report. */
  private static String query(MonitoringReport report) {
    return "from="
        + report.period().from()
        + "&to="
        + report.period().to()
        + (report.unit() == null ? "" : "&unit=" + report.unit());
  }

  static List<BarChart> charts(MonitoringReport r) {
    List<BarChart> charts = new ArrayList<>();
    charts.add(
        BarChart.vertical(
            "chart-published",
            "จำนวนข้อมูลที่เผยแพร่ รายเดือน",
            "แท่งละหนึ่งเดือน สูงตามจำนวนรายการที่นำขึ้นเผยแพร่ในเดือนนั้น",
            r.months().stream()
                .map(m -> new BarChart.Value(m.label(), m.published(), "bar-published"))
                .toList()));
    charts.add(
        BarChart.vertical(
            "chart-visits",
            "จำนวนการเข้าชมเว็บไซต์ รายเดือน",
            "แท่งละหนึ่งเดือน สูงตามจำนวนการเปิดอ่านหน้าเว็บไซต์ในเดือนนั้น",
            r.months().stream()
                .map(m -> new BarChart.Value(m.label(), m.pageViews(), "bar-visits"))
                .toList()));
    charts.add(
        BarChart.horizontal(
            "chart-units",
            "จำนวนข้อมูลที่เผยแพร่ แยกตามหน่วยงาน",
            "แถบละหนึ่งหน่วยงาน ยาวตามจำนวนรายการที่เผยแพร่ในช่วงเวลานี้",
            r.units().stream()
                .map(u -> new BarChart.Value(u.name(), u.published(), "bar-published"))
                .toList()));
    List<BarChart.Value> inquiries = new ArrayList<>();
    for (var k : r.inquiryKinds()) {
      inquiries.add(
          new BarChart.Value(k.name() + " · ตอบภายใน 15 วัน", k.answeredOnTime(), "bar-ok"));
      inquiries.add(new BarChart.Value(k.name() + " · ตอบเกินกำหนด", k.answeredLate(), "bar-late"));
      inquiries.add(new BarChart.Value(k.name() + " · ยังไม่ตอบ", k.unanswered(), "bar-open"));
    }
    charts.add(
        BarChart.horizontal(
            "chart-inquiries",
            "คำขอข้อมูลและความคิดเห็นจากประชาชน แยกตามประเภทและผลการตอบ",
            "สามแถบต่อประเภท: ตอบภายในกำหนด ตอบเกินกำหนด และยังไม่ตอบ",
            inquiries));
    return charts;
  }
}
