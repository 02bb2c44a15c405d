package th.go.municipal.publication.inquiry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * Base of the feedback tests: the whole application (demo users, authorization on) with MockMvc,
 * sending its e-mail to a GreenMail server on a random local port.
 */
@AutoConfigureMockMvc
abstract class InquiryTestSupport extends ProcessTestSupport {

  static final GreenMail MAIL = TestMailServer.MAIL;

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> TestMailServer.PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
  }

  @Autowired protected MockMvc mvc;

  @Autowired protected FormTokens tokens;

  @Autowired protected InquiryService inquiries;

  @Autowired protected InformationRequestRepository requests;

  @BeforeEach
  void emptyMailboxes() throws Exception {
    if (!MAIL.isRunning()) {
      MAIL.start();
    }
    MAIL.purgeEmailFromAllMailboxes();
  }

  /**
   * A complete, valid feedback form from the given address, with a token issued ten seconds ago;
   * {@code changes} are field name and value pairs that replace the valid ones.
   */
  protected MockHttpServletRequestBuilder validForm(String remoteAddress, String... changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", "information");
    fields.put("unit", "finance");
    fields.put("subject", "ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปี");
    fields.put(
        "message", "ขอสำเนาแผนการจัดซื้อจัดจ้างประจำปีงบประมาณ 2569\nเพื่อใช้ประกอบการเสนอราคา");
    fields.put("name", "สมหญิง ใจงาม");
    fields.put("email", "somying@example.com");
    fields.put("phone", "081-234-5678");
    fields.put("consent", "true");
    fields.put("homepage", "");
    fields.put("formToken", tokens.issue(Instant.now().minusSeconds(10)));
    for (int i = 0; i < changes.length; i += 2) {
      fields.put(changes[i], changes[i + 1]);
    }
    MockHttpServletRequestBuilder form =
        post("/feedback")
            .with(
                request -> {
                  request.setRemoteAddr(remoteAddress);
                  return request;
                });
    fields.forEach(form::param);
    return form;
  }

  /** A request stored and started as the form would, straight through the service. */
  protected ProcessInstance submitRequest(InquiryKind kind, String unit) {
    InquiryService.Receipt receipt =
        inquiries.submit(
            new InquiryFields(
                kind,
                unit,
                "ขอทราบกำหนดการเก็บขยะในชุมชน",
                "ขอทราบวันและเวลาเก็บขยะของชุมชนหลังตลาดสด",
                "สมหญิง ใจงาม",
                "somying@example.com",
                "081-234-5678"),
            "test-address-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(receipt.referenceNumber())
        .singleResult();
  }

  protected Job jobAt(ProcessInstance pi, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .singleResult();
  }

  /** Every delivery GreenMail received (one per recipient). */
  protected static List<MimeMessage> received() {
    return Arrays.asList(MAIL.getReceivedMessages());
  }
}
