package th.go.municipal.publication.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The morning digest for those who chose it instead of an e-mail per task: the tasks waiting for
 * them or their groups, oldest first, once a working day (on one node of a cluster only).
 */
@Component
public class DailyDigest {

  /** Tasks listed in one digest, at most. */
  static final int LISTED = 50;

  private final NotificationPreferenceRepository preferences;
  private final TaskService tasks;
  private final StaffMailboxes mailboxes;
  private final MailNotifier mail;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DailyDigest(
      NotificationPreferenceRepository preferences,
      TaskService tasks,
      StaffMailboxes mailboxes,
      MailNotifier mail,
      TransactionTemplate transaction,
      Clock clock) {
    this.preferences = preferences;
    this.tasks = tasks;
    this.mailboxes = mailboxes;
    this.mail = mail;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Queues today's digests; how many. */
  @Scheduled(
      cron = "${publication.notification.digest-cron:0 0 7 * * MON-FRI}",
      zone = "Asia/Bangkok")
  public int sendDigests() {
    LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    int queued = 0;
    for (NotificationPreference p :
        preferences.findByTaskArrived(NotificationPreference.TaskArrival.DIGEST)) {
      Boolean sent = transaction.execute(status -> digest(p.getUserId(), today));
      if (Boolean.TRUE.equals(sent)) {
        queued++;
      }
    }
    return queued;
  }

  private boolean digest(String userId, LocalDate today) {
    List<Task> waiting =
        tasks
            .createTaskQuery()
            .or()
            .taskCandidateUser(userId)
            .taskAssignee(userId)
            .endOr()
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, LISTED);
    if (waiting.isEmpty() || preferences.claimDigest(userId, today) == 0) {
      return false;
    }
    var address = mailboxes.addressOf(userId);
    if (address.isEmpty()) {
      return false;
    }
    StringBuilder body =
        new StringBuilder("สรุปงานที่รอการดำเนินการของท่าน ประจำวันที่ ")
            .append(ThaiDates.date(today))
            .append("\n\n");
    for (Task task : waiting) {
      body.append("- ")
          .append(task.getName())
          .append(" (มาถึง ")
          .append(ThaiDates.dateTime(task.getCreateTime().toInstant()))
          .append(
              task.getDueDate() == null
                  ? ""
                  : ", ครบกำหนด " + ThaiDates.dateTime(task.getDueDate().toInstant()))
          .append(")\n");
    }
    body.append("\nเปิดงานใน Tasklist: ").append(mail.tasklistUrl()).append("\n");
    mail.enqueue(
        new MailNotice(
            List.of(address.get()),
            "สรุปงานรอดำเนินการ " + waiting.size() + " งาน ประจำวันที่ " + ThaiDates.date(today),
            body.toString(),
            null));
    return true;
  }
}
