package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * A request walked to published on the embedded database (H2), then its trail tampered with as
 * someone with database access would: each change is reported by verify, and the trail is whole
 * again once the change is undone.
 */
public class TamperingDetectionTests extends ProcessTestSupport {

  @Autowired AuditService audit;

  @Autowired JdbcTemplate jdbc;

  ChainTampering tamper;

  String key;

  @BeforeEach
  void publishedRequest() {
    tamper = new ChainTampering(jdbc);
    key = publishedRequest(this).getBusinessKey();
    assertThat(audit.verify().firstBroken()).isNull();
  }

  /** One request from start to published, the way the three signers do it. */
  public static ProcessInstance publishedRequest(ProcessTestSupport test) {
    ProcessInstance pi = test.startRequestAs("reporter.clerk", validRequest());
    test.completeTaskAs("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    test.completeTaskAs("head.clerk", task(pi), Map.of("headDecision", "approve"));
    test.completeTaskAs("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job());
    return pi;
  }

  @Test
  void anEditedEntryIsReported() {
    long entry =
        jdbc.queryForObject(
            "select max(id) from audit_entries where subject_key = ? and action = 'approveRequest'",
            Long.class,
            key);
    Runnable undo = tamper.edit("audit_entries", "decision", "reject", "id", entry);

    Verification result = audit.verify();
    undo.run();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken().entryId()).isEqualTo(entry);
    assertThat(result.firstBroken().reason()).isEqualTo("entry_changed");
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void deletedNewestEntriesAreReported() {
    long before = audit.verify().checked();
    Runnable undo = tamper.deleteNewestEntries(2);

    Verification result = audit.verify();
    undo.run();

    assertThat(result.intact()).isFalse();
    assertThat(result.checked()).isEqualTo(before - 2);
    assertThat(result.firstBroken().reason()).isEqualTo("head_mismatch");
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void anEditedSignatureIsReported() {
    long signature = tamper.newestSignatureId(key);
    Runnable undo =
        tamper.edit("request_signatures", "full_name", "ผู้อื่น ลงนามแทน", "id", signature);

    Verification result = audit.verify();
    undo.run();

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken().reason()).isEqualTo("record_changed");
    assertThat(result.firstBroken().objectRef()).isEqualTo("signature:" + signature);
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  void anEditedStoredRequestIsReported() {
    Runnable undo =
        tamper.edit("publication_requests", "title", "หัวข้อที่ถูกแก้ไข", "business_key", key);

    Verification result = audit.verify();
    undo.run();

    assertThat(result.firstBroken().reason()).isEqualTo("record_changed");
    assertThat(result.firstBroken().objectRef()).isEqualTo("request:" + key);
    assertThat(audit.verify().intact()).isTrue();
  }
}
