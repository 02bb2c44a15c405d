package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The engine's history cleanup, configured with a nightly window and every model's time to live,
 * removes the engine's history of a request once its time has come (the engine's clock moved past
 * it), and never the audit trail, the signatures or the signed form, which are the application's
 * own tables: the chain still verifies and the PDF still downloads.
 */
class HistoryCleanupTests extends ProcessTestSupport {

  @Autowired AuditService audit;

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void engineClockBack() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void everyProcessDefinitionHasAHistoryTimeToLiveOfYears() {
    List<ProcessDefinition> definitions =
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions)
        .extracting(ProcessDefinition::getKey)
        .contains("publicationRequest", "incidentReport", "informationRequest");
    assertThat(definitions)
        .allSatisfy(
            definition ->
                assertThat(definition.getHistoryTimeToLive())
                    .as(definition.getKey())
                    .isGreaterThanOrEqualTo(365));
  }

  @Test
  void cleanupRunsAtNightAndRemovesTheEnginesHistoryButNeverTheTrailSignaturesOrSignedForm()
      throws Exception {
    HistoryService history = engine.getHistoryService();
    List<Job> scheduled = history.findHistoryCleanupJobs();
    assertThat(scheduled).as("scheduled at start").isNotEmpty();
    assertThat(scheduled)
        .allSatisfy(
            job ->
                assertThat(LocalTime.from(job.getDuedate().toInstant().atZone(ThaiDates.BANGKOK)))
                    .as("due in the window, Bangkok time")
                    .isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0)));

    ProcessInstance pi = TamperingDetectionTests.publishedRequest(this);
    String key = pi.getBusinessKey();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isOne();
    long entries = entriesAbout(key);
    long signatures = count("select count(*) from request_signatures where business_key = ?", key);
    String formSha =
        jdbc.queryForObject(
            "select sha256 from signed_forms where business_key = ?", String.class, key);
    assertThat(signatures).isEqualTo(3);

    int ttl =
        engine
            .getRepositoryService()
            .getProcessDefinition(pi.getProcessDefinitionId())
            .getHistoryTimeToLive();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        Date.from(Instant.now().plus(Duration.ofDays(ttl + 1L))));
    for (int run = 0;
        run < 20
            && history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()
                > 0;
        run++) {
      Job cleanup = as("admin", () -> history.cleanUpHistoryAsync(true));
      engine.getManagementService().executeJob(cleanup.getId());
    }

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .as("the engine's history is gone")
        .isZero();
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi.getId()).count())
        .as("and with it the engine's own log of who did what")
        .isZero();
    assertThat(entriesAbout(key)).as("the audit trail stays").isEqualTo(entries);
    assertThat(count("select count(*) from request_signatures where business_key = ?", key))
        .as("the signatures stay")
        .isEqualTo(signatures);
    assertThat(audit.verify().intact()).as("and still match the chain").isTrue();

    MockHttpServletResponse pdf =
        mvc.perform(
                get("/api/requests/" + key + "/form.pdf")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8))))
            .andReturn()
            .getResponse();
    assertThat(pdf.getStatus()).as("the signed form still downloads").isEqualTo(200);
    assertThat(th.go.municipal.publication.common.Hashes.sha256(pdf.getContentAsByteArray()))
        .isEqualTo(formSha);
  }

  private long entriesAbout(String key) {
    return audit.trailOf(key).size();
  }

  private long count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Long.class, arguments);
  }
}
