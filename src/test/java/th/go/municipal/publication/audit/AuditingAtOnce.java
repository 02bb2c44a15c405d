package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions auditing at once, on whichever database the context runs on: the second records
 * and commits while the first, which recorded before it, is still open; both entries are then in
 * the chain, in the order of their commits, and the chain is intact.
 */
public final class AuditingAtOnce {

  private AuditingAtOnce() {}

  public static void secondCommitsWhileTheFirstIsOpen(
      AuditService audit, PlatformTransactionManager transactions, String key) throws Exception {
    long before = audit.head().entryCount();
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          threads.submit(
              () ->
                  transaction.executeWithoutResult(
                      status -> {
                        audit.record(step(key, "firstOpened"));
                        firstRecorded.countDown();
                        awaitQuietly(firstMayCommit);
                      }));
      assertThat(firstRecorded.await(60, TimeUnit.SECONDS)).isTrue();
      Future<?> second =
          threads.submit(
              () -> transaction.executeWithoutResult(s -> audit.record(step(key, "secondOpened"))));

      // Behind a head locked from the first entry on, this would wait until the first commits.
      second.get(30, TimeUnit.SECONDS);
      assertThat(first.isDone()).as("the first transaction is still open").isFalse();

      firstMayCommit.countDown();
      first.get(60, TimeUnit.SECONDS);
    } finally {
      firstMayCommit.countDown();
      threads.shutdownNow();
    }

    assertThat(audit.trailOf(key))
        .extracting(AuditEntry::getAction)
        .as("chained in the order the transactions committed")
        .containsExactly("secondOpened", "firstOpened");
    assertThat(audit.head().entryCount()).isEqualTo(before + 2);
    Verification verification = audit.verify();
    assertThat(verification.firstBroken()).isNull();
    assertThat(verification.checked()).isEqualTo(before + 2);
  }

  private static AuditRecord step(String key, String action) {
    return new AuditRecord(key, "pi-" + key, "reporter.clerk", "staff", action, null, null)
        .withUnit("clerk");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
