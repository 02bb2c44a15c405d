package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain against the real schema: entries link up; an edited row, a deleted row, deleted
 * newest entries, a rewritten past that no longer meets its anchor, and an edited signed form are
 * each found.
 */
@DataJpaTest
@Import({
  AuditService.class,
  SignedForms.class,
  SignedFormPdf.class,
  AuditServiceTests.Config.class
})
class AuditServiceTests {

  @TestConfiguration
  static class Config {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    ObjectMapper objectMapper() {
      return new ObjectMapper();
    }
  }

  @Autowired AuditService audit;

  @Autowired SignedForms forms;

  @Autowired JdbcTemplate jdbc;

  @Autowired TestEntityManager entityManager;

  /** Records a step and reads it back: reading the trail chains what the transaction recorded. */
  AuditEntry step(String key, String actor, String action) {
    audit.record(
        new AuditRecord(key, "pi-" + key, actor, "staff", action, null, null).withUnit("clerk"));
    List<AuditEntry> trail = audit.trailOf(key);
    return trail.get(trail.size() - 1);
  }

  @Test
  void entriesAreChainedAndAnEditedEntryBreaksTheChain() {
    AuditEntry first = step("PR-2570-0001", "reporter.clerk", "submitRequest");
    AuditEntry second = step("PR-2570-0001", "head.clerk", "approveRequest");
    step("PR-2570-0001", "webmaster", "publishRequest");

    assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
    assertThat(audit.verify().intact()).isTrue();
    assertThat(audit.verify().checked()).isEqualTo(3);

    tamperBehindTheApplicationsBack();
    jdbc.update("update audit_entries set decision = 'reject' where id = ?", second.getId());

    Verification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken().entryId()).isEqualTo(second.getId());
    assertThat(result.firstBroken().reason()).isEqualTo("entry_changed");
  }

  @Test
  void deletedEntryBreaksTheChain() {
    step("PR-2570-0002", "a", "submitRequest");
    AuditEntry middle = step("PR-2570-0002", "b", "approveRequest");
    AuditEntry last = step("PR-2570-0002", "c", "publishRequest");

    tamperBehindTheApplicationsBack();
    jdbc.update("delete from audit_entries where id = ?", middle.getId());

    Verification result = audit.verify();
    assertThat(result.firstBroken().entryId()).isEqualTo(last.getId());
    assertThat(result.firstBroken().reason()).isEqualTo("link_broken");
  }

  @Test
  void deletingTheNewestEntriesIsFoundByTheHead() {
    step("PR-2570-0003", "a", "submitRequest");
    AuditEntry kept = step("PR-2570-0003", "b", "approveRequest");
    AuditEntry newest = step("PR-2570-0003", "c", "publishRequest");

    tamperBehindTheApplicationsBack();
    jdbc.update("delete from audit_entries where id >= ?", newest.getId());

    Verification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.checked()).isEqualTo(2);
    assertThat(result.firstBroken().reason()).isEqualTo("head_mismatch");
    assertThat(result.firstBroken().message()).contains("รายการล่าสุดถูกลบ");
    assertThat(kept.getId()).isLessThan(newest.getId());
  }

  @Test
  void rewritingThePastAndTheHeadIsFoundByTheAnchor() {
    AuditEntry anchored = step("PR-2570-0004", "a", "submitRequest");
    AuditService.Head published = audit.anchor(LocalDate.of(2025, 11, 25)).map(this::head).get();
    step("PR-2570-0004", "b", "approveRequest");

    tamperBehindTheApplicationsBack();
    // Whoever rewrites the chain recomputes every hash and the head; only the anchor remembers.
    rewriteWholeChain("submitRequest", "forgedRequest");

    assertThat(audit.verify(List.of()).intact())
        .as("the stored anchor no longer matches the rewritten entry")
        .isFalse();
    jdbc.update("delete from audit_anchors");
    Verification withoutStoredAnchor = audit.verify();
    assertThat(withoutStoredAnchor.intact())
        .as("with the anchor also deleted, the database alone cannot tell")
        .isTrue();
    Verification withKeptAnchor = audit.verify(List.of(published));
    assertThat(withKeptAnchor.intact())
        .as("an anchor kept outside the database still tells: the past it names was rewritten")
        .isFalse();
    assertThat(withKeptAnchor.firstBroken().entryId()).isEqualTo(anchored.getId());
    assertThat(withKeptAnchor.firstBroken().reason()).isEqualTo("anchor_mismatch");
  }

  @Test
  void anEditedSignedFormIsFound() {
    forms.store(SignedFormPdfTests.form("รายละเอียด"), "clerk", "pi-1");
    assertThat(audit.verify().intact()).isTrue();

    tamperBehindTheApplicationsBack();
    jdbc.update(
        "update signed_forms set pdf = ? where business_key = ?",
        "%PDF-1.7 forged".getBytes(),
        "PR-2569-0042");

    Verification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken().reason()).isEqualTo("record_changed");
    assertThat(result.firstBroken().objectRef()).isEqualTo("form:PR-2569-0042");
  }

  @Test
  void theFormIsDrawnOnceAndARetryKeepsIt() {
    SignedForms.FormFacts first =
        forms.store(SignedFormPdfTests.form("รายละเอียด"), "clerk", "pi-1");
    SignedForms.FormFacts retried =
        forms.store(SignedFormPdfTests.form("รายละเอียดอื่น"), "clerk", "pi-1");

    assertThat(retried.sha256()).isEqualTo(first.sha256());
    assertThat(audit.trailOf("PR-2569-0042"))
        .extracting(AuditEntry::getAction)
        .containsExactly("storeSignedForm");
  }

  private AuditService.Head head(AuditAnchor anchor) {
    return new AuditService.Head(anchor.getEntryId(), anchor.getEntryCount(), anchor.getHash());
  }

  private void rewriteWholeChain(String action, String forgedAction) {
    jdbc.update("update audit_entries set action = ? where action = ?", forgedAction, action);
    String previous = AuditService.GENESIS;
    long count = 0;
    long lastId = 0;
    for (var row : jdbc.queryForList("select id from audit_entries order by id")) {
      long id = ((Number) row.get("id")).longValue();
      AuditEntry entry = entityManager.find(AuditEntry.class, id);
      Instant at = entry.getRecordedAt();
      String hash = AuditService.hash(previous, entry.record(), at);
      jdbc.update(
          "update audit_entries set previous_hash = ?, hash = ? where id = ?", previous, hash, id);
      entityManager.clear();
      previous = hash;
      count++;
      lastId = id;
    }
    jdbc.update(
        "update audit_chain_head set last_hash = ?, entry_count = ?, last_entry_id = ?",
        previous,
        count,
        lastId);
  }

  /** Whoever edits the table directly bypasses the application's cached view of it. */
  private void tamperBehindTheApplicationsBack() {
    entityManager.flush();
    entityManager.clear();
  }
}
