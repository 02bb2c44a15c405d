package th.go.municipal.publication.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the personal data of e-mail in the outbox (requesters' and staff's addresses, answers that
 * name the requester) no longer than {@code publication.notification.outbox-retention}: the
 * recipients and text are erased, the subject, reference and date stay. Each batch is erased in one
 * transaction with an {@link OutboxAnonymised} event, which the audit trail records in it.
 */
@Component
class OutboxRetention {

  private static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final MailOutboxRepository outbox;
  private final NotificationProperties properties;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  OutboxRetention(
      MailOutboxRepository outbox,
      NotificationProperties properties,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.outbox = outbox;
    this.properties = properties;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(
      cron = "${publication.notification.retention-cron:0 20 2 * * *}",
      zone = "Asia/Bangkok")
  void anonymiseDue() {
    List<Long> done = anonymiseDue(clock.instant());
    if (!done.isEmpty()) {
      log.info("Recipients and text of {} e-mail(s) in the outbox erased", done.size());
    }
  }

  /** Anonymises every kept e-mail due at {@code now}; answers their ids. */
  List<Long> anonymiseDue(Instant now) {
    Instant keptBefore = now.minus(properties.getOutboxRetention());
    List<Long> done = new ArrayList<>();
    List<Long> batch;
    do {
      batch =
          transaction.execute(
              status -> {
                List<Long> erased = new ArrayList<>();
                for (Long id : outbox.idsKeptBefore(keptBefore, Limit.of(BATCH))) {
                  if (outbox.anonymise(id, now) == 1) {
                    erased.add(id);
                  }
                }
                if (!erased.isEmpty()) {
                  events.publishEvent(new OutboxAnonymised(List.copyOf(erased), keptBefore, now));
                }
                return erased;
              });
      done.addAll(batch);
    } while (batch.size() == BATCH);
    return done;
  }
}
