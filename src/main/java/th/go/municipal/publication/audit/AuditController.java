package th.go.municipal.publication.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
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
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The audit trail for auditors and administrators: the entries (filtered, paged), verification of
 * the whole chain, and an export per period with the head and anchors; and the signed form PDF for
 * the people who may read the request.
 */
@RestController
class AuditController {

  static final int MAX_PAGE_SIZE = 200;

  /** One entry as the API shows it. */
  record EntryView(
      long id,
      Instant recordedAt,
      String recordedAtThai,
      String subjectKey,
      String unit,
      String processInstanceId,
      String actor,
      String role,
      String action,
      String decision,
      String comment,
      String objectRef,
      String fingerprint,
      String details,
      String previousHash,
      String hash) {

    static EntryView of(AuditEntry e) {
      return new EntryView(
          e.getId(),
          e.getRecordedAt(),
          ThaiDates.dateTime(e.getRecordedAt()),
          e.getSubjectKey(),
          e.getUnit(),
          e.getProcessInstanceId(),
          e.getActor(),
          e.getRole(),
          e.getAction(),
          e.getDecision(),
          e.getComment(),
          e.getObjectRef(),
          e.getFingerprint(),
          e.getDetails(),
          e.getPreviousHash(),
          e.getHash());
    }
  }

  /** One page of entries. */
  record EntryPage(List<EntryView> items, int page, int size, long totalItems, int totalPages) {}

  private final AuditService audit;
  private final SignedForms forms;
  private final AuditorAccess access;
  private final MunicipalityProperties municipality;
  private final ObjectMapper json;

  AuditController(
      AuditService audit,
      SignedForms forms,
      AuditorAccess access,
      MunicipalityProperties municipality,
      ObjectMapper json) {
    this.audit = audit;
    this.forms = forms;
    this.access = access;
    this.municipality = municipality;
    this.json = json;
  }

  @GetMapping("/api/audit")
  EntryPage listEntries(
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      HttpServletRequest http) {
    access.requireAuditor(http);
    if (page < 0) {
      throw InputRejectedException.invalid(
          "page", "หน้า (page): ต้องไม่ติดลบ (must not be negative)");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw InputRejectedException.invalid(
          "size",
          "จำนวนต่อหน้า (size): ต้องอยู่ระหว่าง 1 ถึง " + MAX_PAGE_SIZE + " (between 1 and 200)");
    }
    Page<AuditEntry> found =
        audit.find(
            new AuditService.Filter(
                blankToNull(businessKey),
                blankToNull(unit),
                blankToNull(actor),
                day("from", from, false),
                day("to", to, false)),
            page,
            size);
    return new EntryPage(
        found.getContent().stream().map(EntryView::of).toList(),
        page,
        size,
        found.getTotalElements(),
        found.getTotalPages());
  }

  /**
   * Verifies the chain; {@code anchor=<entry id>:<hash>} (repeatable) also checks heads someone
   * kept from the public anchor page or an export.
   */
  @GetMapping("/api/audit/verify")
  Verification verify(
      @RequestParam(name = "anchor", required = false) List<String> anchors,
      HttpServletRequest http) {
    access.requireAuditor(http);
    List<AuditService.Head> kept = new ArrayList<>();
    for (String anchor : anchors == null ? List.<String>of() : anchors) {
      String[] parts = anchor.split(":");
      if (parts.length != 2
          || !parts[0].matches("\\d{1,18}")
          || !parts[1].matches("[0-9a-f]{64}")) {
        throw InputRejectedException.invalid(
            "anchor",
            "จุดยึด (anchor): ต้องเป็น <เลขที่รายการ>:<ค่าแฮช SHA-256> เช่น 123:ab12… (entry id and"
                + " hash)");
      }
      kept.add(new AuditService.Head(Long.parseLong(parts[0]), 0, parts[1]));
    }
    return audit.verify(kept);
  }

  @GetMapping("/api/audit/export")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "json") String format,
      HttpServletRequest http)
      throws IOException {
    access.requireAuditor(http);
    LocalDate first = day("from", from, true);
    LocalDate last = day("to", to, true);
    if (last.isBefore(first)) {
      throw InputRejectedException.invalid(
          "to", "ถึงวันที่ (to): ต้องไม่ก่อนวันที่เริ่มต้น (must not be before from)");
    }
    if (!format.equals("json") && !format.equals("csv")) {
      throw InputRejectedException.invalid(
          "format", "รูปแบบ (format): json หรือ csv เท่านั้น (json or csv only)");
    }
    List<EntryView> entries = audit.between(first, last).stream().map(EntryView::of).toList();
    AuditService.Head head = audit.head();
    String name = "audit-trail-" + first + "-" + last + "." + format;
    byte[] body;
    MediaType type;
    if (format.equals("json")) {
      Map<String, Object> export = new LinkedHashMap<>();
      export.put("municipality", municipality.getName());
      export.put("from", first);
      export.put("to", last);
      export.put("exportedAt", Instant.now());
      export.put("head", head);
      export.put("anchors", audit.anchorsBetween(first, last).stream().map(this::anchor).toList());
      export.put("entries", entries);
      body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
      type = MediaType.APPLICATION_JSON;
    } else {
      body = AuditCsv.write(entries);
      type = new MediaType("text", "csv", StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header("X-Audit-Chain-Head", head.entryId() + ":" + head.entryCount() + ":" + head.hash())
        .body(body);
  }

  private Map<String, Object> anchor(AuditAnchor a) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("date", a.getDate());
    view.put("entryId", a.getEntryId());
    view.put("entryCount", a.getEntryCount());
    view.put("hash", a.getHash());
    return view;
  }

  @GetMapping("/api/requests/{businessKey}/form.pdf")
  ResponseEntity<byte[]> downloadForm(@PathVariable String businessKey, HttpServletRequest http) {
    String userId = access.requireUser(http);
    SignedForms.FormFacts facts =
        forms
            .facts(businessKey)
            .filter(f -> access.mayReadForm(userId, f.unit()))
            .orElseThrow(
                () ->
                    new InputRejectedException(
                        InputRejectedException.Reason.NOT_FOUND,
                        null,
                        "ไม่พบแบบฟอร์มที่ลงนามแล้วของคำขอเลขที่ "
                            + businessKey
                            + " หรือท่านไม่มีสิทธิ์เข้าถึง (not found)"));
    byte[] pdf = forms.pdf(businessKey).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename("request-form-" + businessKey + ".pdf")
                .build()
                .toString())
        .header("X-Content-SHA256", facts.sha256())
        .body(pdf);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A day as {@code yyyy-MM-dd}; a year above 2400 is read as Buddhist Era (2568-11-01 is 1
   * November 2025).
   */
  static LocalDate day(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw InputRejectedException.invalid(
            field, field + ": ต้องระบุวันที่ในรูปแบบ ปปปป-ดด-วว (a date yyyy-MM-dd is required)");
      }
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value.strip());
      return day.getYear() > 2400 ? day.minusYears(543) : day;
    } catch (DateTimeParseException e) {
      throw InputRejectedException.invalid(
          field, field + ": วันที่ไม่ถูกต้อง ใช้รูปแบบ ปปปป-ดด-วว (expected yyyy-MM-dd)");
    }
  }
}
