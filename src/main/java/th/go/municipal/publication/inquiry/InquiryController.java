package th.go.municipal.publication.inquiry;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The public feedback form (ขอข้อมูลข่าวสาร แสดงความคิดเห็น ร้องเรียน) and the requester's status
 * page. Before anything is stored a submission must pass the rate limit, the honeypot, the signed
 * form token and validation; a refused one stores nothing and shows the form again with what was
 * typed.
 */
@Controller
class InquiryController {

  private static final Logger log = LoggerFactory.getLogger(InquiryController.class);
  private static final String FORM = "inquiry/form";
  private static final String MESSAGE = "inquiry/message";
  private static final String STATUS = "inquiry/status";

  private final InquiryService inquiries;
  private final InquiryValidator validator;
  private final FormTokens tokens;
  private final SubmissionRateLimiter limiter;
  private final KeyedHashes hashes;
  private final InquiryProperties properties;
  private final MunicipalityProperties municipality;

  InquiryController(
      InquiryService inquiries,
      InquiryValidator validator,
      FormTokens tokens,
      SubmissionRateLimiter limiter,
      KeyedHashes hashes,
      InquiryProperties properties,
      MunicipalityProperties municipality) {
    this.inquiries = inquiries;
    this.validator = validator;
    this.tokens = tokens;
    this.limiter = limiter;
    this.hashes = hashes;
    this.properties = properties;
    this.municipality = municipality;
  }

  @ModelAttribute("municipality")
  MunicipalityProperties municipality() {
    return municipality;
  }

  @ModelAttribute("navSection")
  String navSection() {
    return "feedback";
  }

  /** Never stored: every form carries its own one-time token. */
  @ModelAttribute
  void pageHeaders(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @GetMapping("/feedback")
  String initFeedbackForm(Model model) {
    return showForm(new InquiryForm(), Map.of(), null, model);
  }

  @PostMapping("/feedback")
  String processFeedbackForm(
      @ModelAttribute("form") InquiryForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String requester = hashes.addressHash(request.getRemoteAddr());
    Optional<Duration> wait = limiter.waitBeforeSubmitting(requester);
    if (wait.isPresent()) {
      return tooMany(wait.get(), response, model);
    }
    if (form.honeypotFilled()) {
      limiter.countSubmission(requester);
      log.info("Feedback refused: the honeypot field was filled in");
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return showForm(
          new InquiryForm(), Map.of(), "ไม่สามารถรับแบบฟอร์มนี้ได้ (form refused)", model);
    }
    FormTokens.Verdict verdict = tokens.verify(form.getFormToken());
    if (!verdict.accepted()) {
      limiter.countSubmission(requester);
      log.info("Feedback refused: form token {}", verdict.problem());
      return refusedToken(verdict.problem(), form, response, model);
    }
    InquiryValidator.Result result = validator.validate(form);
    if (!result.errors().isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return showForm(form, result.errors(), null, model);
    }
    InquiryService.Receipt receipt;
    try {
      receipt = inquiries.submit(result.fields(), requester, verdict.nonce());
    } catch (DataIntegrityViolationException e) {
      // The same form sent twice at the same moment: the second finds the one-time id taken.
      return refusedToken(FormTokens.Problem.ALREADY_USED, form, response, model);
    }
    limiter.countSubmission(requester);
    model.addAttribute("receipt", receipt);
    return "inquiry/submitted";
  }

  @GetMapping("/feedback/{reference:IR-[0-9]+-[0-9]+}")
  String initStatusForm(@PathVariable String reference, Model model) {
    model.addAttribute("reference", reference);
    return STATUS;
  }

  @PostMapping("/feedback/{reference:IR-[0-9]+-[0-9]+}")
  String showStatus(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String requester = hashes.addressHash(request.getRemoteAddr());
    Optional<Duration> wait = limiter.waitBeforeLookingUp(requester);
    if (wait.isPresent()) {
      return tooMany(wait.get(), response, model);
    }
    model.addAttribute("reference", reference);
    Optional<InformationRequest> found = inquiries.findForRequester(reference, email);
    if (found.isEmpty()) {
      limiter.countFailedLookup(requester);
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("notFound", true);
      return STATUS;
    }
    InformationRequest r = found.get();
    model.addAttribute(
        "status",
        new StatusView(
            r.getReferenceNumber(),
            r.getKind().thaiName,
            municipality.unitName(r.getUnit()),
            ThaiDates.dateTime(r.getReceivedAt()),
            InquiryService.dueDateThai(r.getDueAt()),
            r.getStatus().thaiName,
            r.getAnsweredAt() == null ? null : ThaiDates.dateTime(r.getAnsweredAt())));
    return STATUS;
  }

  /** Anything unexpected: a page in Thai, never a stack trace or the JSON of the API. */
  @ExceptionHandler(Exception.class)
  String failure(Exception e, HttpServletResponse response, Model model) {
    log.error("Feedback page failed", e);
    response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
    pageHeaders(response);
    model.addAttribute("municipality", municipality);
    model.addAttribute("navSection", navSection());
    model.addAttribute("heading", "ระบบขัดข้องชั่วคราว");
    model.addAttribute(
        "text", "ขออภัย ระบบไม่สามารถรับเรื่องของท่านได้ในขณะนี้ กรุณาลองใหม่ภายหลัง");
    return MESSAGE;
  }

  /**
   * What the requester may see of their request: no personal data, no answer (that goes by e-mail).
   */
  record StatusView(
      String referenceNumber,
      String kind,
      String unitName,
      String receivedAt,
      String dueDate,
      String status,
      String answeredAt) {}

  private String showForm(
      InquiryForm form, Map<String, String> errors, String notice, Model model) {
    form.setFormToken(tokens.issue());
    form.setHomepage(null);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    model.addAttribute("kinds", InquiryKind.values());
    model.addAttribute("units", municipality.getUnits());
    model.addAttribute("defaultUnitName", municipality.unitName(properties.getDefaultUnit()));
    model.addAttribute("responseDays", properties.getResponseDays());
    model.addAttribute("limits", properties.getRateLimit());
    model.addAttribute(
        "maxLengths",
        Map.of(
            "subject",
            InquiryValidator.SUBJECT_MAX,
            "message",
            InquiryValidator.MESSAGE_MAX,
            "name",
            InquiryValidator.NAME_MAX,
            "email",
            InquiryValidator.EMAIL_MAX,
            "phone",
            InquiryValidator.PHONE_MAX));
    return FORM;
  }

  private String refusedToken(
      FormTokens.Problem problem, InquiryForm form, HttpServletResponse response, Model model) {
    response.setStatus(
        problem == FormTokens.Problem.ALREADY_USED
            ? HttpStatus.CONFLICT.value()
            : HttpStatus.BAD_REQUEST.value());
    return showForm(form, Map.of(), problem.message, model);
  }

  private String tooMany(Duration wait, HttpServletResponse response, Model model) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
    model.addAttribute("heading", "ส่งแบบฟอร์มเกินจำนวนที่กำหนด");
    model.addAttribute(
        "text",
        "จากเครื่องหรือเครือข่ายของท่านมีการใช้แบบฟอร์มครบจำนวนที่กำหนดแล้ว (ไม่เกิน "
            + properties.getRateLimit().getPerHour()
            + " ครั้งต่อชั่วโมง และ "
            + properties.getRateLimit().getPerDay()
            + " ครั้งต่อวัน) กรุณาลองใหม่ในอีกประมาณ "
            + minutes
            + " นาที หรือติดต่อ"
            + municipality.getName()
            + (municipality.getPhone().isBlank() ? "" : " โทร " + municipality.getPhone())
            + " (too many submissions)");
    return MESSAGE;
  }
}
