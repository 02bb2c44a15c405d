package th.go.municipal.publication.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.audit.AuditingAtOnce;
import th.go.municipal.publication.audit.ChainTampering;
import th.go.municipal.publication.audit.TamperingDetectionTests;
import th.go.municipal.publication.audit.Verification;
import th.go.municipal.publication.publishing.PublishedItems;

/**
 * The production database: a real PostgreSQL (binaries from Maven) under the engine and our Flyway
 * schema, with one request walked to published, and two transactions auditing at once.
 */
@Import(PostgresDatabaseTests.Database.class)
// Closed when the class ends, while the server still runs: at the JVM's exit the embedded server's
// own shutdown hook may stop it first, and the engine's pool would wait for it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresDatabaseTests extends ProcessTestSupport {

  /**
   * A PostgreSQL server that lives as long as the Spring context, under the context's own data
   * source: the engine and the pool are closed before the server stops, so nothing waits for a
   * server that is gone when the test JVM exits.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class Database {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    /** Configured as the application configures its pool ({@code spring.datasource.hikari}). */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres) {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setPassword("");
      return pool;
    }
  }

  @Autowired PublishedItems published;

  @Autowired AuditService audit;

  @Autowired JdbcTemplate jdbc;

  @Autowired PlatformTransactionManager transactions;

  @Test
  void requestIsPublishedOnPostgres() {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    completeTask("head.clerk", task(pi), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job());

    assertThat(pi).isEnded().hasPassed("EndEvent_RequestPublished");
    assertThat(published.find(pi.getBusinessKey())).isPresent();
    assertThat(audit.verify().firstBroken())
        .as("hashes and fingerprints recomputed from PostgreSQL's stored timestamps")
        .isNull();
  }

  @Test
  void theServicesConnectionsPlanWithoutMaterializedCopies() {
    // Every connection of the pool is a session of its own: ask through the pool.
    assertThat(jdbc.queryForObject("show enable_material", String.class)).isEqualTo("off");
  }

  @Test
  void theHeadsTaskListChecksTaskGrantsThroughTheServicesPartialIndex() throws Exception {
    assertThat(new ClassPathResource(EngineIndexes.POSTGRESQL_SCRIPT).getContentAsString(UTF_8))
        .contains("create index if not exists " + EngineIndexes.TASK_READ_INDEX);
    // As in a municipality with many waiting requests: enough grants that the planner looks each
    // task's grants up by index rather than reading the table.
    jdbc.update(
        "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_,"
            + " RESOURCE_ID_, PERMS_) select 'many-grants-' || n, 1, 1, 'nobody', 7,"
            + " 'no-task-' || n, 2 from generate_series(1, 5000) n");
    try {
      jdbc.execute("analyze ACT_RU_AUTHORIZATION");
      ProcessInstance pi = startRequest("reporter.clerk", validRequest());
      completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
      long before = taskReadIndexScans();

      List<Task> page =
          as(
              "head.clerk",
              () ->
                  engine
                      .getTaskService()
                      .createTaskQuery()
                      .taskCandidateGroup("head-clerk")
                      .listPage(0, 15));

      assertThat(page).extracting(Task::getProcessInstanceId).contains(pi.getId());
      // A session reports its counts to the statistics at most every half second or so, at its
      // next statement or when idle (the pool's connections run the polls below).
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (taskReadIndexScans() == before && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(taskReadIndexScans()).isGreaterThan(before);
    } finally {
      jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ like 'many-grants-%'");
    }
  }

  private long taskReadIndexScans() {
    return jdbc.queryForObject(
        "select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where indexrelname = ?",
        Long.class,
        EngineIndexes.TASK_READ_INDEX.toLowerCase());
  }

  @Test
  void editedRowDeletedNewestEntriesAndEditedSignatureAreEachReportedOnPostgres() {
    String key = TamperingDetectionTests.publishedRequest(this).getBusinessKey();
    ChainTampering tamper = new ChainTampering(jdbc);
    long entry =
        jdbc.queryForObject(
            "select max(id) from audit_entries where subject_key = ?", Long.class, key);

    Runnable undo = tamper.edit("audit_entries", "comment", "แก้ไขภายหลัง", "id", entry);
    assertThat(audit.verify().firstBroken())
        .extracting(Verification.Break::reason, Verification.Break::entryId)
        .containsExactly("entry_changed", entry);
    undo.run();

    undo = tamper.deleteNewestEntries(1);
    assertThat(audit.verify().firstBroken().reason()).isEqualTo("head_mismatch");
    undo.run();

    long signature = tamper.newestSignatureId(key);
    undo = tamper.edit("request_signatures", "position", "ปลัดเทศบาล", "id", signature);
    assertThat(audit.verify().firstBroken())
        .extracting(Verification.Break::reason, Verification.Break::objectRef)
        .containsExactly("record_changed", "signature:" + signature);
    undo.run();

    assertThat(audit.verify().firstBroken()).as("whole again once undone").isNull();
  }

  @Test
  void twoTransactionsAuditingAtOnceDoNotWaitForEachOtherOnPostgres() throws Exception {
    AuditingAtOnce.secondCommitsWhileTheFirstIsOpen(audit, transactions, "PR-2570-9001");
  }
}
