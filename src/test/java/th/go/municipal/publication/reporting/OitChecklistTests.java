package th.go.municipal.publication.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The ITA/OIT checklist of a fiscal year, fed by items the test publishes: the staff's page and
 * export and the public OIT page show the same evidence, what is missing and what is not yet due;
 * the request forms take the indicators from configuration.
 */
class OitChecklistTests extends ProcessTestSupport {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void checklistShowsEachIndicatorsEvidenceWhatIsMissingAndWhatIsNotYetDue() throws Exception {
    // given: fiscal 2580; in November a monthly procurement summary (O23) is published
    at(LocalDateTime.of(2036, 11, 20, 10, 0));
    String summary = publish("finance", "procurement", "O23", "สรุปผลการจัดซื้อจัดจ้าง ต.ค. 2579");

    // when: on 15 December, October and November have ended
    at(LocalDateTime.of(2036, 12, 15, 9, 0));
    JsonNode checklist = checklist("mayor", "fiscalYear=2580");

    // then
    assertThat(checklist.get("fiscalYear").asInt()).isEqualTo(2580);
    assertThat(checklist.get("indicators")).hasSize(43);
    JsonNode o23 = indicator(checklist, "O23");
    assertThat(o23.get("required").asLong()).isEqualTo(2);
    assertThat(o23.get("found").asLong()).isEqualTo(1);
    assertThat(o23.get("status").asText()).isEqualTo("MISSING");
    assertThat(o23.at("/evidence/0/businessKey").asText()).isEqualTo(summary);
    assertThat(o23.at("/evidence/0/publicUrl").asText()).endsWith("/items/" + summary);
    assertThat(o23.at("/evidence/0/publishedAtThai").asText()).startsWith("20 พ.ย. 2579");
    JsonNode o41 = indicator(checklist, "O41");
    assertThat(o41.get("status").asText())
        .as("a yearly report is due by 30 September")
        .isEqualTo("NOT_YET_DUE");

    // and: the staff's page, the CSV and the public OIT page say the same
    Document page =
        Jsoup.parse(
            call("/reports/oit?fiscalYear=2580", "head.finance")
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.select("#oit-O23 .status").text()).isEqualTo("ยังขาด");
    assertThat(page.select("#oit-O23 a").attr("href")).endsWith("/items/" + summary);
    String csv =
        call("/api/reports/oit?fiscalYear=2580&format=csv", "auditor")
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv)
        .contains(
            "O23,สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน,ทุกเดือน,2,1,ยังขาด," + summary);
    Document website =
        Jsoup.parse(
            mvc.perform(get("/oit"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    var row =
        website.select(".oit-table tbody tr").stream()
            .filter(r -> r.select("th").text().equals("O23"))
            .findFirst()
            .orElseThrow();
    assertThat(row.select(".oit-status").text()).isEqualTo("ยังขาด");
    assertThat(row.text()).contains("20 พ.ย. 2579");
  }

  @Test
  void onlyThoseWhoOverseeReadTheChecklistAndTheFormsTakeTheIndicatorsFromConfiguration()
      throws Exception {
    assertThat(call("/api/reports/oit", "reporter.clerk").getStatus()).isEqualTo(403);
    assertThat(call("/reports/oit", "reporter.clerk").getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/api/reports/oit")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    assertThat(call("/api/reports/oit?fiscalYear=25x0", "mayor").getStatus()).isEqualTo(400);

    JsonNode indicators =
        json.readTree(
            mvc.perform(get("/api/oit-items"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(indicators).hasSize(43);
    assertThat(indicators.get(22).get("code").asText()).isEqualTo("O23");
    assertThat(indicators.get(22).get("due").asText()).isEqualTo("monthly");
  }

  // --- steps ---

  private void at(LocalDateTime bangkok) {
    clock.set(bangkok.atZone(ThaiDates.BANGKOK).toInstant());
  }

  private String publish(String unit, String category, String oitItem, String title) {
    Map<String, Object> fields = validRequest();
    fields.put("unit", unit);
    fields.put("category", category);
    fields.put("oitItem", oitItem);
    fields.put("title", title);
    ProcessInstance pi = startRequest("reporter." + unit, fields);
    completeTask("reporter." + unit, task(pi), Map.of("reporterConfirmed", true));
    completeTask("head." + unit, task(pi), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job(pi));
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
  }

  private JsonNode checklist(String user, String query) throws Exception {
    MockHttpServletResponse response = call("/api/reports/oit?" + query, user);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse call(String path, String user) throws Exception {
    return mvc.perform(
            get(path)
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))))
        .andReturn()
        .getResponse();
  }

  private static JsonNode indicator(JsonNode checklist, String code) {
    for (JsonNode i : checklist.get("indicators")) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no " + code);
  }
}
