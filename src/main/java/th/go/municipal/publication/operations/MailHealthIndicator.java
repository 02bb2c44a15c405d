package th.go.municipal.publication.operations;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.notification.MailNotifier;

/**
 * Health component {@code mail}: with a mail server configured, whether it accepts a connection
 * (asked at most once per {@code publication.operations.mail-check-interval}, so probes do not
 * flood it); without one, up, with the number of e-mails kept in the outbox instead of sent.
 */
@Component
class MailHealthIndicator implements HealthIndicator {

  private record Answer(Instant at, Health health) {}

  private final MailNotifier mail;
  private final OperationsProperties properties;
  private final Clock clock;
  private volatile Answer last;

  MailHealthIndicator(MailNotifier mail, OperationsProperties properties, Clock clock) {
    this.mail = mail;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    if (!mail.hasMailServer()) {
      return Health.up()
          .withDetail("delivery", "outbox (no mail server configured)")
          .withDetail("keptInOutbox", mail.keptInOutbox())
          .build();
    }
    Answer answer = last;
    Instant now = clock.instant();
    if (answer == null || answer.at().plus(properties.getMailCheckInterval()).isBefore(now)) {
      answer = new Answer(now, ask());
      last = answer;
    }
    return answer.health();
  }

  private Health ask() {
    try {
      mail.testMailServer();
      return Health.up().withDetail("delivery", "smtp").build();
    } catch (Exception e) {
      return Health.down()
          .withDetail("delivery", "smtp")
          .withDetail("error", e.getMessage())
          .build();
    }
  }
}
