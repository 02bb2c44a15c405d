package th.go.municipal.publication.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.inquiry.InquiryFields;
import th.go.municipal.publication.inquiry.InquiryKind;
import th.go.municipal.publication.inquiry.InquiryService;
import th.go.municipal.publication.website.VisitCounter;

/**
 * The monitoring report over HTTP, fed by what the test itself did: requests walked through the
 * three signed steps and published, pages read on the website, requests from the public received
 * and answered, on both sides of the end of a fiscal year. The years are far in the future, so no
 * other test's data falls in them.
 */
class MonitoringReportTests extends ProcessTestSupport {

  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36";

  /** 30 September 2031 ends fiscal 2574; 1 October 2031 starts fiscal 2575. */
  static final LocalDateTime LAST_EVENING = LocalDateTime.of(2031, 9, 30, 22, 0);

  static final LocalDateTime FIRST_NIGHT = LocalDateTime.of(2031, 10, 1, 0, 30);

  @Autowired VisitCounter visits;

  @Autowired InquiryService inquiries;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fiscalYearEndsOnThirtySeptemberAndTheReportCountsWhatWasPublishedVisitedAndAsked()
      throws Exception {
    // given: on 30 September, one item of the clerk's office, read three times by two people,
    // the home page read once, and one request for information
    at(LAST_EVENING);
    String clerkItem = publish("clerk", "plans", "O10", null);
    read("/items/" + clerkItem, "198.51.100.1");
    read("/items/" + clerkItem, "198.51.100.1");
    read("/items/" + clerkItem, "198.51.100.2");
    read("/", "198.51.100.2");
    ask(InquiryKind.INFORMATION, "clerk");
    visits.flush();

    // and: on 1 October, one item of the finance division returned once with a reason, read twice
    // by one person, and a complaint answered at once
    at(FIRST_NIGHT);
    String financeItem = publish("finance", "procurement", "O21", "กรุณาแนบประกาศฉบับลงนาม");
    read("/items/" + financeItem, "198.51.100.3");
    read("/items/" + financeItem, "198.51.100.3");
    ProcessInstance complaint = ask(InquiryKind.COMPLAINT, "finance");
    completeTask("head.finance", task(complaint), Map.of("answer", "ดำเนินการแก้ไขแล้ว"));
    visits.flush();

    // when
    JsonNode before = report("mayor", "fiscalYear=2574");
    JsonNode after = report("mayor", "fiscalYear=2575");

    // then
    assertThat(before.at("/period/from").asText()).isEqualTo("2030-10-01");
    assertThat(before.at("/period/to").asText()).isEqualTo("2031-09-30");
    assertThat(before.at("/period/label").asText()).isEqualTo("ปีงบประมาณ พ.ศ. 2574");
    assertThat(before.at("/totals/published").asLong()).isEqualTo(1);
    assertThat(before.at("/totals/pageViews").asLong()).isEqualTo(4);
    assertThat(before.at("/totals/uniqueVisitors").asLong()).isEqualTo(2);
    assertThat(before.at("/totals/inquiries").asLong()).isEqualTo(1);
    assertThat(before.at("/totals/unanswered").asLong()).isEqualTo(1);
    assertThat(before.at("/totals/returned").asLong()).isZero();
    assertThat(row(before, "units", "unit", "clerk").get("published").asLong()).isEqualTo(1);
    assertThat(row(before, "units", "unit", "clerk").get("pageViews").asLong()).isEqualTo(3);
    assertThat(row(before, "units", "unit", "finance").get("published").asLong()).isZero();
    assertThat(row(before, "categories", "id", "plans").get("published").asLong()).isEqualTo(1);
    assertThat(row(before, "oitItems", "id", "O10").get("pageViews").asLong()).isEqualTo(3);
    assertThat(row(before, "months", "month", "2031-09").get("published").asLong()).isEqualTo(1);
    assertThat(row(before, "inquiryKinds", "kind", "information").get("received").asLong())
        .isEqualTo(1);

    assertThat(after.at("/totals/published").asLong()).isEqualTo(1);
    assertThat(after.at("/totals/pageViews").asLong()).isEqualTo(2);
    assertThat(after.at("/totals/uniqueVisitors").asLong()).isEqualTo(1);
    assertThat(after.at("/totals/inquiries").asLong()).isEqualTo(1);
    assertThat(after.at("/totals/answeredOnTime").asLong()).isEqualTo(1);
    assertThat(after.at("/totals/returned").asLong()).isEqualTo(1);
    assertThat(row(after, "units", "unit", "finance").get("published").asLong()).isEqualTo(1);
    assertThat(row(after, "oitItems", "id", "O21").get("published").asLong()).isEqualTo(1);
    assertThat(row(after, "inquiryKinds", "kind", "complaint").get("answeredOnTime").asLong())
        .isEqualTo(1);
    assertThat(row(after, "steps", "step", "approveRequest").get("signed").asLong())
        .as("the head signed twice: the return and the approval")
        .isEqualTo(2);
    assertThat(row(after, "steps", "step", "approveRequest").get("returned").asLong()).isEqualTo(1);
    assertThat(after.at("/decisions/0/businessKey").asText()).isEqualTo(financeItem);
    assertThat(after.at("/decisions/0/reason").asText()).isEqualTo("กรุณาแนบประกาศฉบับลงนาม");

    // and: one unit, and a quarter, count only their own
    JsonNode finance = report("head.clerk", "fiscalYear=2575&unit=finance");
    assertThat(finance.at("/totals/published").asLong()).isEqualTo(1);
    assertThat(finance.at("/totals/uniqueVisitors").isNull()).isTrue();
    assertThat(report("auditor", "fiscalYear=2575&unit=clerk").at("/totals/published").asLong())
        .isZero();
    assertThat(report("webmaster", "fiscalYear=2574&quarter=4").at("/totals/pageViews").asLong())
        .isEqualTo(4);
    assertThat(
            report("webmaster", "from=2031-09-30&to=2031-10-01").at("/totals/published").asLong())
        .isEqualTo(2);
  }

  @Test
  void workbookAndCsvCarryTheNumbersOfTheJson() throws Exception {
    // given
    at(LocalDateTime.of(2033, 3, 2, 10, 0));
    String item = publish("education", "rules", "O6", null);
    read("/items/" + item, "198.51.100.20");
    ask(InquiryKind.COMMENT, "education");
    visits.flush();
    JsonNode report = report("mayor", "fiscalYear=2576");

    // when
    MockHttpServletResponse xlsx = call("mayor", "fiscalYear=2576&format=xlsx");
    MockHttpServletResponse csv = call("mayor", "fiscalYear=2576&format=csv");

    // then
    assertThat(xlsx.getStatus()).isEqualTo(200);
    assertThat(xlsx.getContentType()).isEqualTo(ReportController.XLSX.toString());
    assertThat(xlsx.getHeader("Content-Disposition")).contains("attachment", ".xlsx");
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
      Sheet totals = book.getSheet("สรุป");
      Row header = totals.getRow(0);
      Row values = totals.getRow(1);
      Map<String, Double> byHeader = new HashMap<>();
      for (int c = 2; c < header.getLastCellNum(); c++) {
        if (values.getCell(c) != null) {
          byHeader.put(
              header.getCell(c).getStringCellValue(), values.getCell(c).getNumericCellValue());
        }
      }
      assertThat(byHeader.get("เผยแพร่"))
          .isEqualTo(report.at("/totals/published").asDouble())
          .isEqualTo(1.0);
      assertThat(byHeader.get("การเข้าชมหน้า"))
          .isEqualTo(report.at("/totals/pageViews").asDouble())
          .isEqualTo(1.0);
      assertThat(byHeader.get("คำขอข้อมูลและความคิดเห็น"))
          .isEqualTo(report.at("/totals/inquiries").asDouble())
          .isEqualTo(1.0);
      Sheet units = book.getSheet("หน่วยงาน");
      Row education = null;
      for (Row r : units) {
        if ("education".equals(r.getCell(0).getStringCellValue())) {
          education = r;
        }
      }
      assertThat(education).isNotNull();
      assertThat(education.getCell(1).getStringCellValue()).isEqualTo("กองการศึกษา");
      assertThat(education.getCell(2).getNumericCellValue()).isEqualTo(1.0);
    }
    String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
    assertThat(csv.getContentType()).startsWith("text/csv");
    assertThat(text)
        .startsWith("\uFEFFsection,key,name,measure,value\r\n")
        .contains("totals,all,ทั้งเทศบาล,published,1\r\n")
        .contains("totals,all,ทั้งเทศบาล,pageViews,1\r\n")
        .contains("units,education,กองการศึกษา,published,1\r\n")
        .contains("inquiryKinds,comment,แสดงความคิดเห็น/ข้อเสนอแนะ,received,1\r\n");
  }

  @Test
  void reportPageShowsTheNumbersAndDrawsItsChartsAsSvgForThoseWhoOversee() throws Exception {
    at(LocalDateTime.of(2034, 11, 5, 9, 0));
    String item = publish("health", "structure", "O1", null);
    read("/items/" + item, "198.51.100.30");
    visits.flush();

    MockHttpServletResponse page = page("mayor", "fiscalYear=2578");
    MockHttpServletResponse refused = page("reporter.health", "fiscalYear=2578");
    MockHttpServletResponse anonymous =
        mvc.perform(get("/reports/monitoring")).andReturn().getResponse();

    assertThat(page.getStatus()).isEqualTo(200);
    Document html = Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
    assertThat(html.select("h1").text())
        .isEqualTo("รายงานผลการดำเนินงานการเผยแพร่ข้อมูลผ่านเว็บไซต์");
    assertThat(html.select(".period").text()).contains("ปีงบประมาณ พ.ศ. 2578");
    assertThat(html.select("#total-published").text()).isEqualTo("1");
    assertThat(html.select("#total-page-views").text()).isEqualTo("1");
    assertThat(html.select("figure.chart svg")).hasSize(4);
    assertThat(html.select("#chart-published rect.bar-rect")).hasSize(12);
    assertThat(html.select("#chart-published rect.bar-rect title").eachText())
        .contains("พ.ย. 77: 1");
    assertThat(html.select("#chart-units rect title").eachText())
        .contains("กองสาธารณสุขและสิ่งแวดล้อม: 1");
    assertThat(html.select("a[href*=format=xlsx]").attr("href"))
        .isEqualTo("/api/reports/monitoring?from=2034-10-01&to=2035-09-30&format=xlsx");
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'none'");
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(
            Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8))
                .select(".refusal")
                .text())
        .contains("หัวหน้าหน่วยงาน");
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void onlyThoseWhoOverseeReadTheReportAndBadParametersAreRefusedInThai() throws Exception {
    MockHttpServletResponse anonymous =
        mvc.perform(get("/api/reports/monitoring?fiscalYear=2570")).andReturn().getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");

    for (String outsider : new String[] {"reporter.clerk", "reporter.finance"}) {
      MockHttpServletResponse refused = call(outsider, "fiscalYear=2570");
      assertThat(refused.getStatus()).as(outsider).isEqualTo(403);
      assertThat(
              json.readTree(refused.getContentAsString(StandardCharsets.UTF_8))
                  .get("message")
                  .asText())
          .contains("หัวหน้าหน่วยงาน");
    }
    for (String overseer : new String[] {"head.health", "webmaster", "mayor", "auditor", "admin"}) {
      assertThat(call(overseer, "fiscalYear=2570").getStatus()).as(overseer).isEqualTo(200);
    }

    assertRefused("fiscalYear=abc", "fiscalYear");
    assertRefused("fiscalYear=2570&quarter=5", "quarter");
    assertRefused("from=2026-10-01", "to");
    assertRefused("from=2026-10-01&to=2026-09-01", "to");
    assertRefused("month=11-2026", "month");
    assertRefused("fiscalYear=2570&unit=nowhere", "unit");
    assertRefused("fiscalYear=2570&format=pdf", "format");
  }

  // --- steps ---

  private void at(LocalDateTime bangkok) {
    clock.set(bangkok.atZone(ThaiDates.BANGKOK).toInstant());
  }

  /** A request of the unit walked through the three steps and published; its number. */
  private String publish(String unit, String category, String oitItem, String returnReason) {
    Map<String, Object> fields = validRequest();
    fields.put("unit", unit);
    fields.put("category", category);
    fields.put("oitItem", oitItem);
    ProcessInstance pi = startRequest("reporter." + unit, fields);
    completeTask("reporter." + unit, task(pi), Map.of("reporterConfirmed", true));
    if (returnReason != null) {
      completeTask(
          "head." + unit, task(pi), Map.of("headDecision", "return", "headComment", returnReason));
      completeTask("reporter." + unit, task(pi), Map.of("reporterConfirmed", true));
    }
    completeTask("head." + unit, task(pi), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job(pi));
    assertThat(pi).hasPassed("EndEvent_RequestPublished");
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
  }

  private void read(String path, String address) throws Exception {
    int status =
        mvc.perform(
                get(path)
                    .header("User-Agent", BROWSER)
                    .with(
                        request -> {
                          request.setRemoteAddr(address);
                          return request;
                        }))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).as(path).isEqualTo(200);
  }

  private ProcessInstance ask(InquiryKind kind, String unit) {
    InquiryService.Receipt receipt =
        inquiries.submit(
            new InquiryFields(
                kind,
                unit,
                "ขอทราบแผนงานประจำปี",
                "ขอทราบแผนงานประจำปีของหน่วยงาน",
                "สมหญิง ใจงาม",
                "somying@example.com",
                null),
            "test-address-" + UUID.randomUUID(),
            UUID.randomUUID().toString());
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(receipt.referenceNumber())
        .singleResult();
  }

  private JsonNode report(String user, String query) throws Exception {
    MockHttpServletResponse response = call(user, query);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse page(String user, String query) throws Exception {
    return mvc.perform(get("/reports/monitoring?" + query).header("Authorization", basic(user)))
        .andReturn()
        .getResponse();
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpServletResponse call(String user, String query) throws Exception {
    return mvc.perform(
            get("/api/reports/monitoring?" + query)
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))))
        .andReturn()
        .getResponse();
  }

  private void assertRefused(String query, String field) throws Exception {
    MockHttpServletResponse response = call("mayor", query);
    assertThat(response.getStatus()).as(query).isEqualTo(400);
    JsonNode error = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(error.get("field").asText()).as(query).isEqualTo(field);
    assertThat(error.get("message").asText()).as(query).matches(".*[ก-๙].*");
  }

  private static JsonNode row(JsonNode report, String list, String idField, String id) {
    for (JsonNode row : report.get(list)) {
      if (row.get(idField).asText().equals(id)) {
        return row;
      }
    }
    throw new AssertionError("no " + id + " in " + list + ": " + report.get(list));
  }
}
