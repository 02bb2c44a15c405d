package th.go.municipal.publication.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices queued in the outbox ({@link MailNotifier#enqueue}) every few seconds, each in
 * its own transaction: a refused delivery is tried again after 1 minute, 10 minutes, 1 hour and 6
 * hours, then given up on with the error kept in the row and logged. Each notice is claimed by
 * moving its next attempt forward first, so two nodes of a cluster never send the same one.
 */
@Component
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  static final List<Duration> BACK_OFF =
      List.of(
          Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));

  /** How long a claimed notice is left to the node that claimed it before another may try. */
  static final Duration LEASE = Duration.ofMinutes(5);

  private final MailOutboxRepository outbox;
  private final MailNotifier notifier;
  private final TransactionTemplate transaction;
  private final Clock clock;

  OutboxSender(
      MailOutboxRepository outbox,
      MailNotifier notifier,
      TransactionTemplate transaction,
      Clock clock) {
    this.outbox = outbox;
    this.notifier = notifier;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Sends what is due; returns how many were sent. */
  @Scheduled(fixedDelayString = "${publication.notification.outbox-interval:PT10S}")
  public int sendDue() {
    if (!notifier.canSend()) {
      return 0;
    }
    int sent = 0;
    for (MailOutboxEntry due :
        outbox.findTop50BySentAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(clock.instant())) {
      if (claim(due.getId(), due.getNextAttemptAt()) && send(due.getId())) {
        sent++;
      }
    }
    return sent;
  }

  private boolean claim(Long id, Instant expected) {
    Boolean claimed =
        transaction.execute(
            status -> {
              MailOutboxEntry entry = outbox.findById(id).orElse(null);
              if (entry == null
                  || entry.getSentAt() != null
                  || !expected.equals(entry.getNextAttemptAt())) {
                return false;
              }
              entry.claim(clock.instant().plus(LEASE));
              return true;
            });
    return Boolean.TRUE.equals(claimed);
  }

  private boolean send(Long id) {
    MailOutboxEntry entry = outbox.findById(id).orElseThrow();
    try {
      notifier.send(entry.notice());
    } catch (RuntimeException e) {
      int attempt = entry.getAttempts() + 1;
      Instant next =
          attempt <= BACK_OFF.size() ? clock.instant().plus(BACK_OFF.get(attempt - 1)) : null;
      transaction.executeWithoutResult(
          status -> outbox.findById(id).ifPresent(row -> row.failed(e.getMessage(), next)));
      if (next == null) {
        log.error("Gave up e-mail {} '{}' after {} attempts", id, entry.getSubject(), attempt, e);
      } else {
        log.warn(
            "E-mail {} not sent (attempt {}), trying again at {}: {}",
            id,
            attempt,
            next,
            e.getMessage());
      }
      return false;
    }
    transaction.executeWithoutResult(
        status -> outbox.findById(id).ifPresent(row -> row.sent(clock.instant())));
    return true;
  }
}
