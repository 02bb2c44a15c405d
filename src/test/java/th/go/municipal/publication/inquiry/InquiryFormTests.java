package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The public feedback form: what it accepts, what it refuses, and that a refusal stores nothing.
 */
class InquiryFormTests extends InquiryTestSupport {

  private static final Pattern REFERENCE = Pattern.compile("IR-25\\d\\d-\\d{4}");
  private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @Test
  void feedbackFormIsThaiLabelledAndCarriesASignedTokenAndAPrivacyNotice() throws Exception {
    String page =
        mvc.perform(get("/feedback"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(
                header().string("Content-Security-Policy", containsString("script-src 'none'")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains(
            "<html lang=\"th\"",
            "<label for=\"subject\">เรื่อง",
            "<label for=\"email\">อีเมล",
            "<legend>ประเภทเรื่อง",
            "ขอข้อมูลข่าวสาร",
            "แสดงความคิดเห็น/ข้อเสนอแนะ",
            "ร้องเรียน",
            "<option value=\"unsure\">ไม่แน่ใจ</option>",
            "กองสาธารณสุขและสิ่งแวดล้อม",
            "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล",
            "name=\"consent\" value=\"true\"",
            "aria-describedby=\"subject-hint\"");
    assertThat(page)
        .as("the honeypot is out of the tab order and hidden from assistive technology")
        .contains(
            "<div class=\"hp\" aria-hidden=\"true\">",
            "name=\"homepage\" value=\"\" tabindex=\"-1\"");
    assertThat(tokenIn(page)).matches("\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
  }

  @Test
  void validSubmissionIsStoredAndStartsTheProcessAtTheUnit() throws Exception {
    long before = requests.count();

    String page =
        mvc.perform(validForm("203.0.113.10"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String reference = referenceIn(page);
    String dueDate = ThaiDates.date(LocalDate.now(ThaiDates.BANGKOK).plusDays(15));
    assertThat(page)
        .contains(
            "ได้รับเรื่องของท่านแล้ว",
            dueDate,
            "so***@example.com",
            "กองคลัง",
            "href=\"/feedback/" + reference + "\"");
    assertThat(requests.count()).isEqualTo(before + 1);
    InformationRequest stored = requests.findById(reference).orElseThrow();
    assertThat(stored.getKind()).isEqualTo(InquiryKind.INFORMATION);
    assertThat(stored.getUnit()).isEqualTo("finance");
    assertThat(stored.getMessage())
        .isEqualTo("ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปีงบประมาณ 2569\nเพื่อใช้ประกอบการเสนอราคา");
    assertThat(stored.getConsentAt()).isNotNull();
    assertThat(stored.getRequesterIpHash())
        .as("the address is kept only as a keyed hash")
        .matches("[0-9a-f]{64}")
        .doesNotContain("203.0.113.10")
        // Keyed: not the plain hash anyone could compute from the address.
        .isNotEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest("203.0.113.10".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(pi).isWaitingAt("answerInformationRequest").task().hasCandidateGroup("head-finance");
    assertThat(received()).as("no e-mail goes to an address nobody has verified yet").isEmpty();
  }

  @Test
  void requesterNotSureOfTheUnitIsAnsweredByTheClerksOffice() throws Exception {
    String page =
        mvc.perform(validForm("203.0.113.11", "unit", "unsure"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String reference = referenceIn(page);
    assertThat(requests.findById(reference).orElseThrow().getUnit()).isEqualTo("clerk");
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(pi).task().hasCandidateGroup("head-clerk").hasCandidateGroup("reporter-clerk");
  }

  @Test
  void badInputIsRefusedWithThaiMessagesNamingEachFieldAndNothingIsStored() throws Exception {
    long before = requests.count();
    long instances = engine.getRuntimeService().createProcessInstanceQuery().count();

    String page =
        mvc.perform(
                validForm(
                    "203.0.113.12",
                    "subject",
                    " ",
                    "email",
                    "somying.example.com",
                    "phone",
                    "โทรหาได้เลย",
                    "kind",
                    "spam",
                    "consent",
                    ""))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains(
            "เรื่อง (subject): กรุณากรอกข้อมูล (required)",
            "อีเมล (email): รูปแบบอีเมลไม่ถูกต้อง",
            "หมายเลขโทรศัพท์ (phone): ต้องเป็นหมายเลขโทรศัพท์",
            "ประเภทเรื่อง (kind): กรุณาเลือกจากรายการ",
            "ความยินยอม (consent): กรุณาให้ความยินยอม",
            "กรุณาแก้ไขข้อมูล 5 รายการ");
    assertThat(page)
        .as("each message is tied to its field")
        .contains(
            "id=\"subject-error\"",
            "aria-describedby=\"subject-error subject-hint\"",
            "aria-invalid=\"true\"",
            "href=\"#email\"");
    assertThat(page)
        .as("what was typed is kept")
        .contains(
            "ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปีงบประมาณ 2569", "value=\"somying.example.com\"");
    assertThat(requests.count()).isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(instances);
  }

  @Test
  void filledHoneypotIsRefusedAndNothingIsStored() throws Exception {
    long before = requests.count();

    mvc.perform(validForm("203.0.113.13", "homepage", "http://spam.example"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ไม่สามารถรับแบบฟอร์มนี้ได้")));

    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void formSentBackWithinThreeSecondsIsRefusedAndKeepsWhatWasTyped() throws Exception {
    long before = requests.count();
    String token =
        tokenIn(mvc.perform(get("/feedback")).andReturn().getResponse().getContentAsString());

    String page =
        mvc.perform(validForm("203.0.113.14", "formToken", token))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains("ส่งแบบฟอร์มเร็วเกินไป", "value=\"ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปี\"");
    assertThat(tokenIn(page)).as("a fresh token to send it again").isNotEqualTo(token);
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void expiredForgedOrMissingTokenIsRefused() throws Exception {
    long before = requests.count();
    String expired = tokens.issue(Instant.now().minusSeconds(3 * 3600));
    String valid = tokens.issue(Instant.now().minusSeconds(10));
    String[] parts = valid.split("\\.");
    String backdated = (Long.parseLong(parts[0]) - 60) + "." + parts[1] + "." + parts[2];

    mvc.perform(validForm("203.0.113.15", "formToken", expired))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("หมดอายุ")));
    mvc.perform(validForm("203.0.113.15", "formToken", backdated))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ไม่ได้มาจากเว็บไซต์นี้")));
    mvc.perform(validForm("203.0.113.15", "formToken", "")).andExpect(status().isBadRequest());

    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void replayedTokenIsRefusedAndTheRequestIsStoredOnce() throws Exception {
    String token = tokens.issue(Instant.now().minusSeconds(10));
    long before = requests.count();

    mvc.perform(validForm("203.0.113.16", "formToken", token)).andExpect(status().isOk());
    mvc.perform(validForm("203.0.113.16", "formToken", token))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("แบบฟอร์มนี้ถูกส่งไปแล้ว")));

    assertThat(requests.count()).isEqualTo(before + 1);
  }

  @Test
  void sixthSubmissionWithinAnHourFromOneAddressIsRefusedWithTooManyRequests() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(validForm("198.51.100.20")).andExpect(status().isOk());
    }
    long before = requests.count();

    mvc.perform(validForm("198.51.100.20"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().string(containsString("ส่งแบบฟอร์มเกินจำนวนที่กำหนด")));

    assertThat(requests.count()).isEqualTo(before);
    mvc.perform(validForm("198.51.100.21")).andExpect(status().isOk());
  }

  @Test
  void statusIsShownOnlyToWhoeverGivesTheRequestersEmail() throws Exception {
    String reference =
        referenceIn(
            mvc.perform(validForm("203.0.113.17")).andReturn().getResponse().getContentAsString());

    mvc.perform(get("/feedback/" + reference))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("อีเมลที่ให้ไว้")));
    String wrong =
        mvc.perform(lookUp(reference, "someone.else@example.com"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(wrong)
        .contains("ไม่พบเรื่องที่ตรงกับเลขที่อ้างอิงและอีเมลนี้")
        .doesNotContain("ได้รับแล้ว");

    String page =
        mvc.perform(lookUp(reference, " SOMYING@example.com "))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "ได้รับแล้ว อยู่ระหว่างพิจารณา",
            "กองคลัง",
            ThaiDates.date(LocalDate.now(ThaiDates.BANGKOK).plusDays(15)));
    assertThat(page)
        .as("no personal data and no answer on the page")
        .doesNotContain(
            "สมหญิง", "somying", "081-234-5678", "ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปีงบประมาณ");
  }

  private MockHttpServletRequestBuilder lookUp(String reference, String email) {
    return post("/feedback/" + reference)
        .param("email", email)
        .with(
            request -> {
              request.setRemoteAddr("203.0.113.17");
              return request;
            });
  }

  private static String referenceIn(String page) {
    Matcher m = REFERENCE.matcher(page);
    assertThat(m.find()).as("a reference number on the page").isTrue();
    return m.group();
  }

  private static String tokenIn(String page) {
    Matcher m = TOKEN.matcher(page);
    assertThat(m.find()).as("a form token on the page").isTrue();
    return m.group(1);
  }
}
