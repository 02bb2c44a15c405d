package th.go.municipal.publication.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** Without a mail server the e-mail is kept in the outbox, not lost and not failed. */
class MailNotifierTests {

  final MailOutboxRepository outbox = mock(MailOutboxRepository.class);
  final MunicipalityProperties municipality = new MunicipalityProperties();
  final NotificationProperties properties = new NotificationProperties();
  final MailNotifier notifier =
      new MailNotifier(
          new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
          outbox,
          mock(JdbcTemplate.class),
          properties,
          municipality,
          Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC));

  @Test
  void withoutMailServerTheEmailIsKeptInTheOutbox() {
    when(outbox.save(any())).thenAnswer(call -> call.getArgument(0));

    MailNotifier.Delivery delivery =
        notifier.send(
            new MailNotice(
                List.of("somying@example.com"),
                "[IR-2570-0001] คำตอบจากเทศบาล",
                "เรียน คุณสมหญิง",
                "IR-2570-0001"));

    assertThat(delivery).isEqualTo(MailNotifier.Delivery.KEPT_IN_OUTBOX);
    ArgumentCaptor<MailOutboxEntry> kept = ArgumentCaptor.forClass(MailOutboxEntry.class);
    verify(outbox).save(kept.capture());
    assertThat(kept.getValue().getRecipients()).isEqualTo("somying@example.com");
    assertThat(kept.getValue().getSubject()).isEqualTo("[IR-2570-0001] คำตอบจากเทศบาล");
    assertThat(kept.getValue().getReference()).isEqualTo("IR-2570-0001");
    assertThat(kept.getValue().getCreatedAt()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
  }

  @Test
  void blankMailHostCountsAsNoMailServer() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    JavaMailSenderImpl blank = new JavaMailSenderImpl();
    blank.setHost(" ");
    beans.addBean("mailSender", blank);
    MailNotifier withBlankHost =
        new MailNotifier(
            beans.getBeanProvider(JavaMailSender.class),
            outbox,
            mock(JdbcTemplate.class),
            properties,
            municipality,
            Clock.systemUTC());

    assertThat(
            withBlankHost.send(
                new MailNotice(List.of("somying@example.com"), "เรื่อง", "ข้อความ", null)))
        .isEqualTo(MailNotifier.Delivery.KEPT_IN_OUTBOX);
  }

  @Test
  void emailWithoutRecipientFailsLoudly() {
    assertThatThrownBy(() -> notifier.send(new MailNotice(List.of(), "เรื่อง", "ข้อความ", null)))
        .hasMessageContaining("no recipient");
  }

  @Test
  void senderIsConfiguredOrTheMunicipalitysOwnAddress() {
    municipality.setEmail("saraban@example.go.th");
    assertThat(notifier.sender()).isEqualTo("saraban@example.go.th");
    properties.setFrom("no-reply@example.go.th");
    assertThat(notifier.sender()).isEqualTo("no-reply@example.go.th");
  }

  @Test
  void tasklistAddressFollowsTheWebsiteUnlessConfigured() {
    municipality.setWebsiteUrl("https://www.example.go.th/");
    assertThat(notifier.tasklistUrl()).isEqualTo("https://www.example.go.th/camunda/app/tasklist/");
    properties.setTasklistUrl("https://intranet.example.go.th/camunda/app/tasklist/");
    assertThat(notifier.tasklistUrl())
        .isEqualTo("https://intranet.example.go.th/camunda/app/tasklist/");
  }
}
