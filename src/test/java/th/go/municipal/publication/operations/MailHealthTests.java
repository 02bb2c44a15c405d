package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.notification.MailNotifier;

/** The health component {@code mail} with a real SMTP server (GreenMail) that is up, then down. */
class MailHealthTests extends ProcessTestSupport {

  @Autowired MailNotifier mail;

  @Test
  void mailIsUpWhileTheServerAcceptsConnectionsAndDownWhenItDoesNot() {
    OperationsProperties askEveryTime = new OperationsProperties();
    askEveryTime.setMailCheckInterval(Duration.ZERO);
    MailHealthIndicator health = new MailHealthIndicator(mail, askEveryTime, Clock.systemUTC());

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("delivery", "smtp");

    MAIL.stop();
    try {
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    } finally {
      MAIL.start();
    }
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void theServersAnswerIsKeptForTheCheckInterval() {
    OperationsProperties everyMinute = new OperationsProperties();
    MailHealthIndicator health = new MailHealthIndicator(mail, everyMinute, Clock.systemUTC());
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    MAIL.stop();
    try {
      assertThat(health.health().getStatus())
          .as("probes within a minute do not ask the mail server again")
          .isEqualTo(Status.UP);
    } finally {
      MAIL.start();
    }
  }
}
