package th.go.municipal.publication.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.AfterStart;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.notification.MailNotice;
import th.go.municipal.publication.notification.MailNotifier;
import th.go.municipal.publication.notification.StaffMailboxes;

/**
 * Anchors the chain each day and verifies it on a schedule, and both after every start. A broken
 * chain is e-mailed to the auditors and administrators (kept in the mail outbox without a mail
 * server) and shown on the auditors' pages, never only logged.
 */
@Component
class AuditWatch {

  private static final Logger log = LoggerFactory.getLogger(AuditWatch.class);

  private final AuditService audit;
  private final AuditProperties properties;
  private final MailNotifier mail;
  private final StaffMailboxes mailboxes;
  private final Clock clock;
  private final AfterStart afterStart;
  private final AtomicReference<Checked> last = new AtomicReference<>();

  /** A verification and when it ran. */
  record Checked(Verification verification, Instant at) {}

  AuditWatch(
      AuditService audit,
      AuditProperties properties,
      MailNotifier mail,
      StaffMailboxes mailboxes,
      Clock clock,
      AfterStart afterStart) {
    this.afterStart = afterStart;
    this.audit = audit;
    this.properties = properties;
    this.mail = mail;
    this.clock = clock;
    this.mailboxes = mailboxes;
  }

  /**
   * At every start too: today's anchor, so a service that was down at midnight still anchors that
   * day, and a verification, so that the health status says how the trail stands. Both read the
   * whole trail, so they run after the first answer; until the verification ends the health's
   * {@code auditTrail} is UNKNOWN (not yet verified), which leaves the node ready.
   */
  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    afterStart.run(
        () -> {
          anchorToday();
          verifyNow();
        });
  }

  @Scheduled(cron = "${publication.audit.anchor-cron:0 5 0 * * *}", zone = "Asia/Bangkok")
  void anchorToday() {
    Optional<AuditAnchor> anchor = audit.anchor(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
    anchor.ifPresent(this::copyOutside);
  }

  private void copyOutside(AuditAnchor anchor) {
    log.info("Audit chain anchored: {}", anchor.line());
    if (properties.getAnchorFile().isBlank()) {
      return;
    }
    Path file = Path.of(properties.getAnchorFile());
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          anchor.line() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.error("Could not append the audit anchor to {}", file, e);
    }
  }

  /** Verifies the whole trail; a newly broken chain is reported to the people who must act. */
  @Scheduled(cron = "${publication.audit.verify-cron:0 30 1 * * *}", zone = "Asia/Bangkok")
  Verification verifyNow() {
    Verification result = audit.verify();
    Checked previous = last.getAndSet(new Checked(result, clock.instant()));
    Verification before = previous == null ? null : previous.verification();
    if (!result.intact()) {
      log.error("Audit trail broken: {}", result.firstBroken());
      if (before == null || before.intact() || !before.firstBroken().equals(result.firstBroken())) {
        report(result);
      }
    }
    return result;
  }

  /** The last result, if verification has run since the start. */
  Optional<Verification> lastResult() {
    return lastChecked().map(Checked::verification);
  }

  /** The last result and when it was found. */
  Optional<Checked> lastChecked() {
    return Optional.ofNullable(last.get());
  }

  private void report(Verification result) {
    List<String> to;
    try {
      to = mailboxes.addressesOf(List.of(Groups.AUDITOR, Groups.ADMIN));
    } catch (IllegalStateException noAddress) {
      // Still shown on the auditors' pages and by verification; the log says who cannot be told.
      log.error("The broken audit trail cannot be e-mailed: {}", noAddress.getMessage());
      return;
    }
    Verification.Break broken = result.firstBroken();
    mail.send(
        new MailNotice(
            to,
            "บันทึกการตรวจสอบถูกแก้ไข (audit trail broken)",
            "การตรวจสอบห่วงโซ่บันทึกการตรวจสอบเมื่อ "
                + ThaiDates.dateTime(clock.instant())
                + " พบว่าไม่สมบูรณ์\n\n"
                + broken.message()
                + "\nสาเหตุ: "
                + broken.reason()
                + (broken.entryId() == null ? "" : "\nรายการที่: " + broken.entryId())
                + (broken.objectRef() == null ? "" : "\nข้อมูลที่เกี่ยวข้อง: " + broken.objectRef())
                + "\nตรวจสอบแล้ว "
                + result.checked()
                + " รายการ\n\nโปรดตรวจสอบฐานข้อมูลและสำเนาสำรอง และเทียบกับจุดยึดที่เผยแพร่ไว้",
            null));
  }
}
