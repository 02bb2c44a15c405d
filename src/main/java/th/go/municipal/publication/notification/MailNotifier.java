package th.go.municipal.publication.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.WebsiteLinks;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * Sends Thai plain-text e-mail (UTF-8) from the municipality. A mail server that refuses or is
 * unreachable throws, so that the process step sending it fails, is retried and ends as an incident
 * in Cockpit. With no mail server configured at all ({@code spring.mail.host} unset, as in the
 * demo) the e-mail is kept in the table {@code mail_outbox} and logged instead: nothing is lost,
 * nothing fails, and the log says so.
 */
@Service
public class MailNotifier {

  /** What became of a notice. */
  public enum Delivery {
    SENT,
    KEPT_IN_OUTBOX
  }

  private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final MailOutboxRepository outbox;
  private final JdbcTemplate jdbc;
  private final NotificationProperties properties;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  MailNotifier(
      ObjectProvider<JavaMailSender> mailSender,
      MailOutboxRepository outbox,
      JdbcTemplate jdbc,
      NotificationProperties properties,
      MunicipalityProperties municipality,
      Clock clock) {
    this.mailSender = mailSender;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
    this.municipality = municipality;
    this.clock = clock;
    if (configuredSender() == null) {
      log.warn(
          "No mail server configured (spring.mail.host is not set): e-mail is kept in the table mail_outbox"
              + " and not sent");
    }
  }

  /**
   * Queues a notice in the outbox, in the caller's transaction, to be sent by {@link OutboxSender}
   * once that transaction has committed: the step that caused it never waits for a mail server nor
   * fails because of one, and a notice of a step rolled back is never sent. Without a mail server
   * it stays in the outbox, as every e-mail does then.
   */
  @Transactional
  public void enqueue(MailNotice notice) {
    if (notice.to().isEmpty()) {
      return;
    }
    outbox.save(MailOutboxEntry.queued(notice, clock.instant()));
  }

  /** Whether e-mail is sent at all (a mail server is configured). */
  boolean canSend() {
    return configuredSender() != null;
  }

  @Transactional
  public Delivery send(MailNotice notice) {
    if (notice.to().isEmpty()) {
      throw new IllegalStateException("E-mail '" + notice.subject() + "' has no recipient");
    }
    JavaMailSender sender = configuredSender();
    if (sender == null) {
      outbox.save(new MailOutboxEntry(notice, clock.instant()));
      log.info(
          "No mail server configured: e-mail '{}' for {} recipient(s) kept in mail_outbox",
          notice.subject(),
          notice.to().size());
      return Delivery.KEPT_IN_OUTBOX;
    }
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper =
          new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(sender(), municipality.getName());
      helper.setTo(notice.to().toArray(String[]::new));
      helper.setSubject(notice.subject());
      helper.setText(notice.body(), false);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Could not prepare e-mail '" + notice.subject() + "'", e);
    }
    sender.send(message);
    log.info("E-mail '{}' sent to {} recipient(s)", notice.subject(), notice.to().size());
    return Delivery.SENT;
  }

  /**
   * The mail sender, or null when no mail server is configured: Spring Boot creates one as soon as
   * spring.mail.host is present, even blank (an empty environment variable), which here counts as
   * unset.
   */
  private JavaMailSender configuredSender() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender instanceof JavaMailSenderImpl impl
        && (impl.getHost() == null || impl.getHost().isBlank())) {
      return null;
    }
    return sender;
  }

  /** Whether e-mail goes to a mail server (otherwise it is kept in the outbox). */
  public boolean hasMailServer() {
    return configuredSender() != null;
  }

  /**
   * E-mails kept in the outbox, on every node, since no mail server was configured. Counted in SQL,
   * not through the outbox's repository: the health check asks this, and its first answer is the
   * service's first answer after a start. Building the repository there (its query strings parsed
   * by Spring Data and by Hibernate, both cold) held that answer back by a second (issue 12).
   */
  public long keptInOutbox() {
    Long kept = jdbc.queryForObject("select count(*) from mail_outbox", Long.class);
    return kept == null ? 0 : kept;
  }

  /**
   * Connects to the configured mail server and logs in, for the health check; throws if it fails.
   */
  public void testMailServer() throws MessagingException {
    if (configuredSender() instanceof JavaMailSenderImpl server) {
      server.testConnection();
    }
  }

  /** The sender address: configured, else the municipality's own. */
  String sender() {
    if (!properties.getFrom().isBlank()) {
      return properties.getFrom();
    }
    if (!municipality.getEmail().isBlank()) {
      return municipality.getEmail();
    }
    throw new IllegalStateException(
        "Set publication.notification.from or municipality.email: e-mail needs a sender");
  }

  /** Where staff open their tasks. */
  public String tasklistUrl() {
    if (!properties.getTasklistUrl().isBlank()) {
      return properties.getTasklistUrl();
    }
    return WebsiteLinks.base(municipality.getWebsiteUrl()) + "/camunda/app/tasklist/";
  }
}
