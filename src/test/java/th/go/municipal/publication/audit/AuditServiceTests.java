package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit chain against the real schema: entries link up, and an edited row is found. */
@DataJpaTest
@Import({AuditService.class, AuditServiceTests.Config.class})
class AuditServiceTests {

  @TestConfiguration
  static class Config {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired AuditService audit;

  @Autowired JdbcTemplate jdbc;

  @Autowired TestEntityManager entityManager;

  @Test
  void entriesAreChainedAndAnEditedEntryBreaksTheChain() {
    AuditEntry first =
        audit.record(
            new AuditRecord(
                "PR-2570-0001", "pi-1", "reporter.clerk", "reporter", "submitRequest", null, null));
    AuditEntry second =
        audit.record(
            new AuditRecord(
                "PR-2570-0001", "pi-1", "head.clerk", "head", "approveRequest", "approve", null));
    audit.record(
        new AuditRecord(
            "PR-2570-0001", "pi-1", "webmaster", "webmaster", "publishRequest", "publish", null));

    assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
    assertThat(audit.verify()).isEmpty();

    tamperBehindTheApplicationsBack();
    jdbc.update("update audit_entries set decision = 'reject' where id = ?", second.getId());

    assertThat(audit.verify()).contains(second.getId());
  }

  @Test
  void deletedEntryBreaksTheChain() {
    audit.record(
        new AuditRecord("PR-2570-0002", "pi-2", "a", "reporter", "submitRequest", null, null));
    AuditEntry middle =
        audit.record(
            new AuditRecord(
                "PR-2570-0002", "pi-2", "b", "head", "approveRequest", "approve", null));
    AuditEntry last =
        audit.record(
            new AuditRecord(
                "PR-2570-0002", "pi-2", "c", "webmaster", "publishRequest", "publish", null));

    tamperBehindTheApplicationsBack();
    jdbc.update("delete from audit_entries where id = ?", middle.getId());

    assertThat(audit.verify()).contains(last.getId());
  }

  /** Whoever edits the table directly bypasses the application's cached view of it. */
  private void tamperBehindTheApplicationsBack() {
    entityManager.flush();
    entityManager.clear();
  }
}
