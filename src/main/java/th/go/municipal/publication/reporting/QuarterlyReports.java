package th.go.municipal.publication.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ReferenceNumbers;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.identity.StaffDirectory.Signer;
import th.go.municipal.publication.identity.StepGuard;

/**
 * The report to the head of the agency (2.3) as three signed steps: prepared from the figures of
 * its period, the webmaster adds the results and the problems met, the reviewer (the head of the
 * clerk's office) approves or returns it, the mayor acknowledges it; then it is kept as a PDF. Each
 * step runs in the engine's transaction and records the whole step or refuses it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class QuarterlyReports {

  static final String PROCESS_KEY = "quarterlyReport";
  static final String ADD_FINDINGS = "addReportFindings";
  static final String REVIEW = "reviewReport";
  static final String ACKNOWLEDGE = "acknowledgeReport";
  static final int TEXT_MAX = 5000;
  static final int COMMENT_MAX = 2000;

  private static final Map<String, String> LABELS =
      Map.of(
          "fiscalYear", "ปีงบประมาณ",
          "quarter", "ไตรมาส",
          "periodFrom", "ตั้งแต่วันที่",
          "periodTo", "ถึงวันที่",
          "results", "ผลการดำเนินงาน",
          "problems", "ปัญหาและอุปสรรค",
          "reviewDecision", "ผลการพิจารณา",
          "reviewComment", "ความเห็นของผู้พิจารณา",
          "mayorComment", "ความเห็นของนายกเทศมนตรี");

  private final QuarterlyReportRepository reports;
  private final QuarterlyReportSignatureRepository signatures;
  private final MonitoringReports figures;
  private final QuarterlyReportPdf pdf;
  private final ReferenceNumbers numbers;
  private final StaffDirectory staff;
  private final StepGuard guard;
  private final AuditService audit;
  private final ObjectMapper json;
  private final String reviewerGroup;
  private final Clock clock;

  QuarterlyReports(
      QuarterlyReportRepository reports,
      QuarterlyReportSignatureRepository signatures,
      MonitoringReports figures,
      QuarterlyReportPdf pdf,
      ReferenceNumbers numbers,
      StaffDirectory staff,
      StepGuard guard,
      AuditService audit,
      ObjectMapper json,
      @Value("${publication.reporting.reviewer-group:head-clerk}") String reviewerGroup,
      Clock clock) {
    this.reports = reports;
    this.signatures = signatures;
    this.figures = figures;
    this.pdf = pdf;
    this.numbers = numbers;
    this.staff = staff;
    this.guard = guard;
    this.audit = audit;
    this.json = json;
    this.reviewerGroup = reviewerGroup;
    this.clock = clock;
  }

  /**
   * A new report: by the timer (no user) for the quarter that just ended, or by the webmaster or
   * the reviewer for the period they chose. Returns the variables to set; its number is {@code
   * reportKey}.
   */
  Map<String, Object> register(
      String userId, String processInstanceId, Map<String, Object> variables) {
    if (userId != null) {
      guard.requireMemberOfAny(
          userId,
          List.of(Groups.WEBMASTER, reviewerGroup, Groups.ADMIN),
          "เฉพาะผู้ดูแลเว็บไซต์และหัวหน้าสำนักปลัดเทศบาลเท่านั้นที่เริ่มจัดทำรายงานได้"
              + " (only the webmaster and the reviewer may start a report)");
    }
    ReportPeriod period = period(new FieldReader(variables, LABELS));
    MonitoringReport snapshot = figures.report(period, null);
    String key = numbers.next("QR");
    String figuresJson;
    try {
      figuresJson = json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report's figures could not be written", e);
    }
    reports.save(new QuarterlyReport(key, processInstanceId, period, figuresJson, clock.instant()));
    audit.record(
        new AuditRecord(
            key,
            processInstanceId,
            AuditRecord.actor(userId),
            "webmaster",
            "prepareQuarterlyReport",
            null,
            period.label()));
    Map<String, Object> out = new HashMap<>();
    out.put("reportKey", key);
    out.put("periodLabel", period.label());
    out.put("reviewerGroup", reviewerGroup);
    out.put("figuresSummary", summary(snapshot));
    return out;
  }

  /** One of the three signed steps; returns the variables to set on the process. */
  Map<String, Object> sign(
      String userId, String reportKey, String step, Map<String, Object> variables) {
    guard.signedIn(userId);
    QuarterlyReport report = load(reportKey);
    FieldReader in = new FieldReader(variables, LABELS);
    Map<String, Object> out = new HashMap<>();
    Instant now = clock.instant();
    switch (step) {
      case ADD_FINDINGS -> {
        guard.requireMember(
            userId,
            Groups.WEBMASTER,
            "เฉพาะผู้ดูแลเว็บไซต์เท่านั้นที่บันทึกผลการดำเนินงานได้ (only the webmaster)");
        report.describe(in.text("results", true, TEXT_MAX), in.text("problems", true, TEXT_MAX));
        out.put("findingsSignature", signature(report, "webmaster", userId, "confirm", null, now));
        out.put("reviewDecision", null);
        out.put("reviewComment", null);
      }
      case REVIEW -> {
        guard.requireMember(
            userId,
            reviewerGroup,
            "เฉพาะหัวหน้าสำนักปลัดเทศบาลเท่านั้นที่พิจารณารายงานได้ (only the reviewer)");
        String decision = in.oneOf("reviewDecision", List.of("approve", "return"));
        String comment = in.text("reviewComment", "return".equals(decision), COMMENT_MAX);
        report.moveTo(
            "approve".equals(decision)
                ? QuarterlyReport.Status.AWAITING_ACKNOWLEDGEMENT
                : QuarterlyReport.Status.PREPARING);
        String signed = signature(report, "reviewer", userId, decision, comment, now);
        out.put("reviewSignature", signed);
        out.put("returnReason", "return".equals(decision) ? signed + ": " + comment : null);
      }
      case ACKNOWLEDGE -> {
        guard.requireMember(
            userId, Groups.MAYOR, "เฉพาะนายกเทศมนตรีเท่านั้นที่รับทราบรายงานได้ (only the mayor)");
        String comment = in.text("mayorComment", false, COMMENT_MAX);
        report.moveTo(QuarterlyReport.Status.ACKNOWLEDGED);
        out.put("mayorSignature", signature(report, "mayor", userId, "acknowledge", comment, now));
      }
      default -> throw new IllegalStateException("not a step of the quarterly report: " + step);
    }
    return out;
  }

  /** Draws the acknowledged report as a PDF and keeps it; drawing it again changes nothing. */
  void keepPdf(String reportKey) {
    QuarterlyReport report = load(reportKey);
    if (report.getPdf() != null) {
      return;
    }
    report.keep(pdf.render(document(report)));
  }

  /** The kept PDF of a report, for those who oversee. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public byte[] pdfOf(String reportKey) {
    byte[] kept = load(reportKey).getPdf();
    if (kept == null) {
      throw InputRejectedException.notFound("รายงานฉบับ PDF ของ " + reportKey);
    }
    return kept;
  }

  QuarterlyReportPdf.Document document(QuarterlyReport report) {
    try {
      return new QuarterlyReportPdf.Document(
          report.getReportKey(),
          report.getPeriodLabel(),
          json.readValue(report.getFigures(), MonitoringReport.class),
          report.getResults(),
          report.getProblems(),
          signatures.findByReportKeyOrderByIdAsc(report.getReportKey()).stream()
              .map(
                  s ->
                      new QuarterlyReportPdf.Signature(
                          s.getRole(),
                          s.getFullName(),
                          s.getPosition(),
                          s.getDecision(),
                          s.getComment(),
                          ThaiDates.dateTime(s.getSignedAt())))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report's figures could not be read", e);
    }
  }

  private String signature(
      QuarterlyReport report,
      String role,
      String userId,
      String decision,
      String comment,
      Instant now) {
    Signer signer = staff.signer(userId);
    signatures.save(
        new QuarterlyReportSignature(
            report.getReportKey(),
            role,
            userId,
            signer.fullName(),
            signer.position(),
            decision,
            comment,
            now));
    return signer.display(now);
  }

  /** The period asked for at the start, else the fiscal quarter that ended last. */
  private ReportPeriod period(FieldReader in) {
    String from = in.line("periodFrom", false, 10);
    String to = in.line("periodTo", false, 10);
    String year = in.line("fiscalYear", false, 4);
    String quarter = in.line("quarter", false, 1);
    if (from != null || to != null) {
      try {
        return ReportPeriod.days(
            LocalDate.parse(String.valueOf(from)), LocalDate.parse(String.valueOf(to)));
      } catch (DateTimeParseException e) {
        throw InputRejectedException.invalid(
            from == null ? "periodFrom" : "periodTo",
            "ช่วงเวลา (periodFrom/periodTo): ต้องเป็นวันที่รูปแบบ ปปปป-ดด-วว ทั้งสองวัน"
                + " (yyyy-MM-dd, both)");
      }
    }
    if (year != null) {
      return new ReportRequest(year, quarter, null, null, null, null).period(clock);
    }
    return ReportPeriod.quarterBefore(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
  }

  /** The period's main figures as lines for the forms. */
  static String summary(MonitoringReport r) {
    var t = r.totals();
    return "ข้อมูลที่เผยแพร่ "
        + t.published()
        + " รายการ (นำลง "
        + t.withdrawn()
        + ")\nการเข้าชมเว็บไซต์ "
        + t.pageViews()
        + " ครั้ง ผู้เข้าชมไม่ซ้ำรายวันรวม "
        + t.uniqueVisitors()
        + " คน\nคำขอข้อมูลและความคิดเห็น "
        + t.inquiries()
        + " เรื่อง (ตอบภายใน 15 วัน "
        + t.answeredOnTime()
        + " เกินกำหนด "
        + t.answeredLate()
        + " ยังไม่ตอบ "
        + t.unanswered()
        + ")\nเหตุเร่งด่วน "
        + t.incidents()
        + " ครั้ง\nส่งกลับแก้ไข "
        + t.returned()
        + " ครั้ง ไม่อนุมัติ "
        + t.rejected()
        + " ครั้ง";
  }

  private QuarterlyReport load(String reportKey) {
    return reports
        .findById(reportKey)
        .orElseThrow(() -> InputRejectedException.notFound("รายงานเลขที่ " + reportKey));
  }
}
