package th.go.municipal.publication.audit;

import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.notification.OutboxAnonymised;

/**
 * Records in the audit trail, in the same transaction, that e-mails kept in the outbox lost their
 * recipients and text at the end of their retention period: which ones and up to when they were
 * kept. Notification cannot call the trail itself (the trail e-mails through it).
 */
@Component
class OutboxAnonymisationRecorder {

  static final String ACTION = "anonymiseMailOutbox";
  private static final int COMMENT_MAX = 2000;

  private final AuditService audit;

  OutboxAnonymisationRecorder(AuditService audit) {
    this.audit = audit;
  }

  @EventListener
  void onAnonymised(OutboxAnonymised anonymised) {
    String comment =
        "ลบผู้รับและเนื้อความของอีเมลที่เก็บไว้ก่อน "
            + ThaiDates.dateTime(anonymised.keptBefore())
            + " จำนวน "
            + anonymised.ids().size()
            + " ฉบับ (PDPA) รหัส "
            + anonymised.ids().stream().map(String::valueOf).collect(Collectors.joining(", "));
    audit.record(
        new AuditRecord(
            null,
            null,
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            ACTION,
            String.valueOf(anonymised.ids().size()),
            comment.length() > COMMENT_MAX
                ? comment.substring(0, COMMENT_MAX - 1) + "…"
                : comment));
  }
}
