package th.go.municipal.publication.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The auditors' pages, in Thai: find any request, incident report or information request, and read
 * one request's whole story. Reached from Cockpit and Tasklist with the same login; read only.
 */
@Controller
class AuditViewController {

  private static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self'; object-src 'none'; frame-ancestors 'self'";

  private final RequestHistory history;
  private final AuditorAccess access;
  private final ApiCaller caller;
  private final AuditWatch watch;
  private final MunicipalityProperties municipality;

  AuditViewController(
      RequestHistory history,
      AuditorAccess access,
      ApiCaller caller,
      AuditWatch watch,
      MunicipalityProperties municipality) {
    this.history = history;
    this.access = access;
    this.caller = caller;
    this.watch = watch;
    this.municipality = municipality;
  }

  @GetMapping("/audit/requests")
  String findRequests(
      @RequestParam(defaultValue = "publicationRequest") String kind,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer month,
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String signer,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    Optional<String> refused = refuse(http, response, model);
    if (refused.isPresent()) {
      return refused.get();
    }
    RequestHistory.Search search =
        new RequestHistory.Search(
            kind,
            blank(number),
            blank(unit),
            blank(status),
            blank(category),
            year,
            month,
            fiscalYear,
            blank(signer));
    model.addAttribute("search", search);
    model.addAttribute("kinds", RequestHistory.KINDS);
    model.addAttribute("months", months());
    model.addAttribute("results", history.search(search, Math.max(0, page), 20));
    return "audit/requests";
  }

  @GetMapping("/audit/requests/{businessKey}")
  String showStory(
      @PathVariable String businessKey,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    Optional<String> refused = refuse(http, response, model);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<RequestHistory.Story> story = history.story(businessKey);
    if (story.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("message", "ไม่พบคำขอเลขที่ " + businessKey);
      return "audit/message";
    }
    model.addAttribute("story", story.get());
    return "audit/story";
  }

  @GetMapping(value = "/audit/requests/{businessKey}/diagram.bpmn")
  ResponseEntity<String> showDiagram(@PathVariable String businessKey, HttpServletRequest http) {
    access.requireAuditor(http);
    return history
        .diagram(businessKey)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElse(ResponseEntity.notFound().build());
  }

  @GetMapping("/audit/requests/{businessKey}/files/{sha256}")
  ResponseEntity<byte[]> downloadAttachment(
      @PathVariable String businessKey, @PathVariable String sha256, HttpServletRequest http)
      throws IOException {
    access.requireAuditor(http);
    Optional<FileValue> file = history.attachment(businessKey, sha256);
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    try (InputStream in = file.get().getValue()) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_OCTET_STREAM)
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename(file.get().getFilename(), java.nio.charset.StandardCharsets.UTF_8)
                  .build()
                  .toString())
          .header("X-Content-SHA256", sha256)
          .body(in.readAllBytes());
    }
  }

  /** The login or refusal page for whoever is not an auditor, else nothing. */
  private Optional<String> refuse(
      HttpServletRequest http, HttpServletResponse response, Model model) {
    response.setHeader("Content-Security-Policy", POLICY);
    model.addAttribute("municipality", municipality);
    Optional<String> user = caller.userId(http);
    if (user.isEmpty()) {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      model.addAttribute(
          "message",
          "กรุณาเข้าสู่ระบบ Cockpit หรือ Tasklist ด้วยบัญชีผู้ตรวจสอบก่อน แล้วเปิดหน้านี้อีกครั้ง");
      model.addAttribute("login", true);
      return Optional.of("audit/message");
    }
    if (!access.isAuditor(user.get())) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      model.addAttribute("message", "เฉพาะผู้ตรวจสอบและผู้ดูแลระบบเท่านั้นที่เปิดหน้านี้ได้");
      return Optional.of("audit/message");
    }
    model.addAttribute("user", user.get());
    model.addAttribute("lastVerification", watch.lastResult().orElse(null));
    return Optional.empty();
  }

  /** Month number to Thai name, for the month selector. */
  private static Map<Integer, String> months() {
    Map<Integer, String> months = new LinkedHashMap<>();
    for (int month = 1; month <= 12; month++) {
      months.put(month, ThaiDates.longDate(LocalDate.of(2000, month, 1)).split(" ")[1]);
    }
    return months;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
