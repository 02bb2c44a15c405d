package th.go.municipal.publication.inquiry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * Base of the feedback tests: requests from the public, submitted as the form or the service would.
 */
abstract class InquiryTestSupport extends ProcessTestSupport {

  @Autowired protected FormTokens tokens;

  @Autowired protected InquiryService inquiries;

  @Autowired protected InformationRequestRepository requests;

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
}
