package th.go.municipal.publication.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;

/**
 * PDPA for e-mail kept in the outbox (no mail server, as in the demo): it keeps its recipients and
 * text for the configured period, then loses them while its subject, reference and date stay; the
 * erasure is in the audit trail, naming the e-mails. The clock is moved to just before and after.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class OutboxRetentionTests {

  @Autowired MailNotifier mail;

  @Autowired MailOutboxRepository outbox;

  @Autowired OutboxRetention retention;

  @Autowired NotificationProperties properties;

  @Autowired AuditService audit;

  @Autowired Clock clock;

  @Test
  void keptEmailLosesItsRecipientsAndTextAfterTheRetentionPeriodAndTheErasureIsAudited() {
    String reference = "IR-TEST-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            mail.send(
                new MailNotice(
                    List.of("somying@example.com"),
                    "[" + reference + "] คำตอบจากเทศบาล",
                    "เรียน คุณสมหญิง ใจงาม\nติดตั้งไฟแล้ว",
                    reference)))
        .isEqualTo(MailNotifier.Delivery.KEPT_IN_OUTBOX);
    Long id = outbox.findByReferenceOrderByIdAsc(reference).get(0).getId();
    Instant now = clock.instant();
    Duration period = properties.getOutboxRetention();

    assertThat(retention.anonymiseDue(now.plus(period).minus(Duration.ofDays(1))))
        .as("a day before the period ends")
        .doesNotContain(id);
    assertThat(outbox.findById(id).orElseThrow().getRecipients()).isEqualTo("somying@example.com");

    assertThat(retention.anonymiseDue(now.plus(period).plus(Duration.ofDays(1))))
        .as("a day after")
        .contains(id);
    MailOutboxEntry erased = outbox.findById(id).orElseThrow();
    assertThat(erased.getRecipients()).isEmpty();
    assertThat(erased.getBody()).isEmpty();
    assertThat(erased.getSubject()).isEqualTo("[" + reference + "] คำตอบจากเทศบาล");
    assertThat(erased.getReference()).isEqualTo(reference);
    assertThat(erased.getAnonymisedAt()).isNotNull();

    List<AuditEntry> erasures =
        audit.find(new AuditService.Filter(null, null, "system", null, null), 0, 10_000).stream()
            .filter(e -> "anonymiseMailOutbox".equals(e.getAction()))
            .filter(e -> e.getComment().matches(".*รหัส (.*, )?" + id + "(, .*)?$"))
            .toList();
    assertThat(erasures).hasSize(1);
    assertThat(erasures.get(0).getComment()).contains("PDPA").doesNotContain("somying");
    assertThat(audit.verify().intact()).isTrue();

    assertThat(retention.anonymiseDue(now.plus(period).plus(Duration.ofDays(2))))
        .as("nothing twice")
        .doesNotContain(id);
  }
}
