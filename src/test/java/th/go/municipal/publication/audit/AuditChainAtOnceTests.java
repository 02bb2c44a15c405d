package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * The audit chain under transactions that audit at once (H2, the application's own context): they
 * do not wait for each other until they commit, a rolled-back one leaves nothing, and entries of
 * one transaction find each other's unit before any of them is stored.
 */
class AuditChainAtOnceTests extends ProcessTestSupport {

  @Autowired AuditService audit;

  @Autowired PlatformTransactionManager transactions;

  @Test
  void twoTransactionsAuditingAtOnceDoNotWaitForEachOtherAndBothAreChained() throws Exception {
    AuditingAtOnce.secondCommitsWhileTheFirstIsOpen(audit, transactions, "PR-2570-8001");
  }

  @Test
  void aRolledBackTransactionLeavesNoEntryAndTheHeadAsItWas() {
    AuditService.Head before = audit.head();

    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          audit.record(
                              new AuditRecord(
                                      "PR-2570-8002",
                                      "pi-8002",
                                      "reporter.clerk",
                                      "staff",
                                      "submitRequest",
                                      null,
                                      null)
                                  .withUnit("clerk"));
                          throw new IllegalStateException("the step fails after its entry");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(audit.trailOf("PR-2570-8002")).isEmpty();
    assertThat(audit.head()).isEqualTo(before);
    assertThat(audit.verify().firstBroken()).isNull();
  }

  @Test
  void anEntryWithoutUnitTakesTheUnitOfAnEarlierEntryOfTheSameTransaction() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              audit.record(
                  new AuditRecord(
                          "PR-2570-8003",
                          "pi-8003",
                          "reporter.finance",
                          "staff",
                          "submitRequest",
                          null,
                          null)
                      .withUnit("finance"));
              // A claim in Tasklist: the engine names only the process instance.
              audit.record(
                  new AuditRecord(
                      null, "pi-8003", "head.finance", "operator", "Task.Claim", null, null));
            });

    assertThat(audit.trailOf("PR-2570-8003"))
        .extracting(AuditEntry::getAction, AuditEntry::getUnit)
        .containsExactly(tuple("submitRequest", "finance"), tuple("Task.Claim", "finance"));
  }
}
