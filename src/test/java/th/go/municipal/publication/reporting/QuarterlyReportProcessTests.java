package th.go.municipal.publication.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The quarterly report to the head of the agency, every path: started by hand for a quarter,
 * returned by the reviewer and corrected, acknowledged by the mayor, kept as a Thai PDF; the timer
 * that starts one each quarter; steps refused to the wrong people.
 */
class QuarterlyReportProcessTests extends ProcessTestSupport {

  @Test
  void reportForAQuarterIsWrittenReturnedCorrectedAcknowledgedAndKeptAsAThaiPdf() throws Exception {
    // given: a quarter in which one item was published
    clock.set(at(LocalDateTime.of(2038, 11, 3, 10, 0)));
    Map<String, Object> fields = validRequest();
    ProcessInstance request = startRequest("reporter.clerk", fields);
    completeTask("reporter.clerk", task(request), Map.of("reporterConfirmed", true));
    completeTask("head.clerk", task(request), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(request), Map.of("webmasterDecision", "publish"));
    execute(job(request));

    // when: the webmaster starts the report of quarter 1 of fiscal 2582 by hand
    clock.set(at(LocalDateTime.of(2039, 1, 5, 9, 0)));
    ProcessInstance pi =
        startQuarterlyReport("webmaster", Map.of("fiscalYear", "2582", "quarter", "1"));

    // then
    String key = businessKey(pi);
    assertThat(key).startsWith("QR-2582-");
    assertThat(pi).isWaitingAt("addReportFindings").task().hasCandidateGroup("webmaster");
    assertThat(pi)
        .variables()
        .containsEntry("periodLabel", "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2582")
        .containsEntry("reviewerGroup", "head-clerk");
    assertThat((String) variable(pi, "figuresSummary")).startsWith("ข้อมูลที่เผยแพร่ 1 รายการ");

    completeTask(
        "webmaster",
        task(pi),
        Map.of(
            "results", "เผยแพร่ข้อมูลครบทุกหมวด", "problems", "ผู้รายงานบางหน่วยส่งข้อมูลล่าช้า"));
    assertThat(pi).isWaitingAt("reviewReport").task().hasCandidateGroup("head-clerk");
    completeTask(
        "head.clerk",
        task(pi),
        Map.of("reviewDecision", "return", "reviewComment", "กรุณาระบุแนวทางแก้ไขปัญหา"));
    assertThat(pi).isWaitingAt("addReportFindings");
    assertThat((String) variable(pi, "returnReason")).contains("กรุณาระบุแนวทางแก้ไขปัญหา");
    completeTask(
        "webmaster",
        task(pi),
        Map.of(
            "results",
            "เผยแพร่ข้อมูลครบทุกหมวด",
            "problems",
            "ผู้รายงานบางหน่วยส่งข้อมูลล่าช้า แก้ไขโดยแจ้งเตือนก่อนครบกำหนด"));
    completeTask("head.clerk", task(pi), Map.of("reviewDecision", "approve"));
    assertThat(pi).isWaitingAt("acknowledgeReport").task().hasCandidateGroup("mayor");
    completeTask("mayor", task(pi), Map.of("mayorComment", "รับทราบ ให้ดำเนินการต่อไป"));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("EndEvent_ReportAcknowledged");
    MockHttpServletResponse pdf = call("/api/reports/quarterly/" + key + ".pdf", "auditor");
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "รายงานผลการดำเนินงานการเผยแพร่ข้อมูลผ่านเว็บไซต์",
              "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2582",
              "ข้อมูลที่เผยแพร่ 1 รายการ",
              "แก้ไขโดยแจ้งเตือนก่อนครบกำหนด",
              "ปกรณ์ เว็บไซต์",
              "สมศรี มีสุข",
              "วิเชียร ผู้นำ",
              "รับทราบ ให้ดำเนินการต่อไป");
    }
    assertThat(call("/api/reports/quarterly/" + key + ".pdf", "reporter.clerk").getStatus())
        .isEqualTo(403);
  }

  @Test
  void scheduleStartsTheReportOfTheQuarterThatEndedAtEightOnItsFirstDay() {
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey("quarterlyReportSchedule")
            .timers()
            .singleResult();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
    assertThat(due.getHour()).isEqualTo(8);

    clock.set(at(LocalDateTime.of(2039, 4, 1, 8, 0)));
    long before =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("quarterlyReport")
            .count();
    execute(timer);

    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("quarterlyReport")
            .orderByProcessInstanceId()
            .desc()
            .list()
            .stream()
            .filter(p -> "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2582".equals(variable(p, "periodLabel")))
            .findFirst()
            .orElseThrow();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("quarterlyReport")
                .count())
        .isEqualTo(before + 1);
    assertThat(started).isWaitingAt("addReportFindings");
  }

  @Test
  void onlyTheWebmasterWritesOnlyTheReviewerReviewsAndOnlyTheMayorAcknowledges() {
    clock.set(at(LocalDateTime.of(2039, 7, 2, 9, 0)));
    assertThatThrownBy(() -> startQuarterlyReport("reporter.clerk", Map.of())).isNotNull();
    ProcessInstance pi = startQuarterlyReport("head.clerk", Map.of());
    assertThat((String) variable(pi, "periodLabel"))
        .as("without a period: the quarter that ended last")
        .isEqualTo("ไตรมาสที่ 3 ปีงบประมาณ พ.ศ. 2582");

    assertThatThrownBy(
            () -> completeTask("webmaster", task(pi), Map.of("results", "ผล", "problems", "  ")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("problems"));
    completeTask("webmaster", task(pi), Map.of("results", "ผล", "problems", "ไม่มี"));
    assertThatThrownBy(
            () -> completeTask("head.finance", task(pi), Map.of("reviewDecision", "approve")))
        .isNotNull();
    assertThatThrownBy(
            () -> completeTask("head.clerk", task(pi), Map.of("reviewDecision", "return")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("reviewComment"));
    completeTask("head.clerk", task(pi), Map.of("reviewDecision", "approve"));
    assertThatThrownBy(() -> completeTask("webmaster", task(pi), Map.of())).isNotNull();
    assertThat(pi).isWaitingAt("acknowledgeReport");
  }

  private static java.time.Instant at(LocalDateTime bangkok) {
    return bangkok.atZone(ThaiDates.BANGKOK).toInstant();
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private String businessKey(ProcessInstance pi) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getBusinessKey();
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
}
