package th.go.municipal.publication.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.CurrentUser;

/**
 * Tells people that a task has arrived for them (its assignee) or for their group (its candidate
 * groups), in every process, from the engine's task events (the Camunda Spring Boot starter
 * publishes them). The person whose own action created the task is not told; nor is anyone when
 * looking them up fails: a notice never fails a step.
 */
@Component
class TaskArrivalNotices {

  private static final Logger log = LoggerFactory.getLogger(TaskArrivalNotices.class);

  private final StaffNotices notices;
  private final IdentityService identities;

  TaskArrivalNotices(StaffNotices notices, IdentityService identities) {
    this.notices = notices;
    this.identities = identities;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  void onTaskCreated(DelegateTask task) {
    try {
      Set<String> people = new LinkedHashSet<>();
      if (task.getAssignee() != null) {
        people.add(task.getAssignee());
      } else {
        for (IdentityLink link : task.getCandidates()) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            identities.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
                .map(User::getId)
                .forEach(people::add);
          } else if (link.getUserId() != null) {
            people.add(link.getUserId());
          }
        }
      }
      people.remove(CurrentUser.id(task.getProcessEngineServices()));
      if (people.isEmpty()) {
        return;
      }
      String reference = task.getExecution().getProcessBusinessKey();
      String subject = "[" + (reference == null ? "-" : reference) + "] งานใหม่: " + task.getName();
      String body =
          "มีงานใหม่รอการดำเนินการของท่านในระบบขอเผยแพร่ข้อมูล\n\n"
              + "งาน: "
              + task.getName()
              + "\nเลขที่: "
              + (reference == null ? "-" : reference)
              + title(task)
              + (task.getDueDate() == null
                  ? ""
                  : "\nครบกำหนด: " + ThaiDates.dateTime(task.getDueDate().toInstant()))
              + "\n\nเปิดงานใน Tasklist: "
              + notices.tasklistUrl()
              + "#/?task="
              + task.getId()
              + "\n\nเลือกได้ว่าจะรับอีเมลแจ้งงานใหม่ทันที รวมเป็นสรุปรายวัน หรือไม่รับ ที่ "
              + notices.tasklistUrl().replace("/camunda/app/tasklist/", "/staff/notifications")
              + "\n";
      notices.notify(people, NoticeKind.TASK_ARRIVED, subject, body, reference);
    } catch (RuntimeException e) {
      log.warn("No notice for task {} ({}): {}", task.getId(), task.getName(), e.getMessage());
    }
  }

  private static String title(DelegateTask task) {
    Object title = task.getVariable("title");
    Object subject = task.getVariable("subject");
    Object shown = title != null ? title : subject;
    return shown == null ? "" : "\nเรื่อง: " + shown;
  }
}
