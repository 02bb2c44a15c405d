package th.go.municipal.publication.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails to members of staff about their work, as each of them chose: queued in the outbox in the
 * caller's transaction and sent after it commits, so a notice never holds up or fails the step that
 * caused it. People without an address, or who chose not to hear of it, are skipped.
 */
@Service
@Transactional
public class StaffNotices {

  private static final Logger log = LoggerFactory.getLogger(StaffNotices.class);

  private final NotificationPreferenceRepository preferences;
  private final StaffMailboxes mailboxes;
  private final MailNotifier mail;
  private final Clock clock;

  StaffNotices(
      NotificationPreferenceRepository preferences,
      StaffMailboxes mailboxes,
      MailNotifier mail,
      Clock clock) {
    this.preferences = preferences;
    this.mailboxes = mailboxes;
    this.mail = mail;
    this.clock = clock;
  }

  /** Queues the notice for those of the people who want this kind; how many it went to. */
  public int notify(
      Collection<String> userIds, NoticeKind kind, String subject, String body, String reference) {
    Set<String> to = new LinkedHashSet<>();
    for (String userId : userIds) {
      if (preferenceOf(userId).wants(kind)) {
        mailboxes.addressOf(userId).ifPresent(to::add);
      }
    }
    if (to.isEmpty()) {
      log.debug("Notice '{}' ({}) goes to nobody", subject, kind);
      return 0;
    }
    mail.enqueue(new MailNotice(List.copyOf(to), subject, body, reference));
    return to.size();
  }

  /** Where staff open their tasks. */
  public String tasklistUrl() {
    return mail.tasklistUrl();
  }

  NotificationPreference preferenceOf(String userId) {
    return preferences.findById(userId).orElseGet(() -> NotificationPreference.defaults(userId));
  }

  void choose(
      String userId,
      NotificationPreference.TaskArrival taskArrived,
      boolean requestReturned,
      boolean itemPublished) {
    NotificationPreference preference =
        preferences
            .findById(userId)
            .orElseGet(() -> preferences.save(new NotificationPreference(userId, clock.instant())));
    preference.choose(taskArrived, requestReturned, itemPublished, clock.instant());
  }
}
