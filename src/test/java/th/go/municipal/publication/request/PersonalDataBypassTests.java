package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.municipal.publication.EngineRestClient.completion;
import static th.go.municipal.publication.EngineRestClient.file;
import static th.go.municipal.publication.EngineRestClient.requestFields;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;

/**
 * Issue 8, point 5, through the real HTTP API: a national ID written with dots, underscores,
 * no-break or zero-width spaces, full-width digits or percent-encoded, in any field that reaches
 * the public (title, details, source URL, remarks, an attachment's file name), is flagged, and the
 * head cannot approve without a legal basis.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class PersonalDataBypassTests {

  // 1-1017-00207-03-0, checksum-valid, written five ways that once passed unflagged.
  private static final String DOTS = "1.1017.00207.03.0";
  private static final String FULL_WIDTH = "１１０１７００２０７０３０";
  private static final String ZERO_WIDTH = "1\u200B1017\u200B00207\u200B03\u200B0";
  private static final String NO_BREAK = "1\u00A01017\u00A000207\u00A003\u00A00";
  private static final String PERCENT_ENCODED = "%31%31%30%31%37%30%30%32%30%37%30%33%30";

  @Autowired TestRestTemplate rest;

  @Test
  void anIdHiddenInAnyPublicFieldIsFlaggedAndApprovalNeedsABasis() throws Exception {
    EngineRestClient reporter = new EngineRestClient(rest.getRootUri(), "reporter.clerk");
    Map<String, Object> values =
        new LinkedHashMap<>(requestFields("clerk", "ผู้ได้รับสิทธิ " + DOTS));
    values.put("details", "รายชื่อผู้มีสิทธิ์ " + FULL_WIDTH + " ตามประกาศ");
    values.put("externalUrl", "https://www.example.go.th/citizen?id=" + PERCENT_ENCODED);
    values.put("remarks", "ผู้ติดต่อ " + NO_BREAK + " และ " + ZERO_WIDTH);
    values.put(
        "attachment1",
        file("สำเนาบัตร_1_1017_00207_03_0.pdf", "application/pdf", TestFiles.pdf("a notice")));
    JsonNode started = reporter.startRequest(values);
    String instance = started.get("id").asText();
    String key = started.get("businessKey").asText();
    reporter.complete(
        reporter.taskId(instance, "prepareRequest"), Map.of("reporterConfirmed", true));

    EngineRestClient head = new EngineRestClient(rest.getRootUri(), "head.clerk");
    JsonNode found = head.call("GET", "/api/requests/" + key, null, 200).get("personalData");
    assertThat(found.findValuesAsText("source"))
        .contains(
            "หัวข้อเรื่อง",
            "รายละเอียดข้อมูล",
            "URL ภายนอก",
            "หมายเหตุ",
            "ชื่อไฟล์แนบ (attachment1)");
    assertThat(found.findValuesAsText("kind")).containsOnly("NATIONAL_ID");
    assertThat(found.findValuesAsText("masked")).containsOnly("1-1017-xxxxx-xx-0");

    String approve = head.taskId(instance, "approveRequest");
    HttpResponse<String> refused =
        head.send(
            "POST",
            "/engine-rest/task/" + approve + "/complete",
            completion(Map.of("headDecision", "approve")));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(EngineRestClient.json(refused.body()).get("field").asText())
        .isEqualTo("personalDataBasis");
    assertThat(head.call("GET", "/api/requests/" + key, null, 200).get("status").asText())
        .as("nothing half-stored")
        .isEqualTo("AWAITING_APPROVAL");
  }
}
