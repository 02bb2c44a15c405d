package th.go.municipal.publication.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.notification.MailNotice;
import th.go.municipal.publication.notification.MailNotifier;
import th.go.municipal.publication.notification.StaffMailboxes;

/**
 * The e-mails the deadlines of a request's steps send: a reminder to whoever holds the task before
 * it is due (its assignee, else its group), and when the due date passes, a notice to those who
 * oversee that step. Each runs as a job after its timer: a refusing mail server fails the job,
 * which is retried and then shows in Cockpit; the step itself never waits for it.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class StepAlerts {

  private static final Logger log = LoggerFactory.getLogger(StepAlerts.class);

  private final TaskService tasks;
  private final IdentityService identities;
  private final PublicationRequestRepository requests;
  private final RequestDeadlines deadlines;
  private final StaffMailboxes mailboxes;
  private final MailNotifier mail;
  private final AuditService audit;
  private final MunicipalityProperties municipality;

  StepAlerts(
      TaskService tasks,
      IdentityService identities,
      PublicationRequestRepository requests,
      RequestDeadlines deadlines,
      StaffMailboxes mailboxes,
      MailNotifier mail,
      AuditService audit,
      MunicipalityProperties municipality) {
    this.tasks = tasks;
    this.identities = identities;
    this.requests = requests;
    this.deadlines = deadlines;
    this.mailboxes = mailboxes;
    this.mail = mail;
    this.audit = audit;
    this.municipality = municipality;
  }

  /** Reminds the holder of the open step; nothing if it was done before the job ran. */
  void remind(String processInstanceId, String businessKey, String step) {
    Task task = openTask(processInstanceId, step);
    if (task == null) {
      log.info("Step {} of {} was done before its reminder ran", step, processInstanceId);
      return;
    }
    PublicationRequest request = requests.load(businessKey);
    List<String> to;
    String who;
    if (task.getAssignee() != null) {
      to = mailboxes.addressOf(task.getAssignee()).map(List::of).orElse(List.of());
      who = "ผู้รับผิดชอบงานนี้";
    } else {
      List<String> groups = candidateGroups(task);
      to = mailboxes.addressesOf(groups);
      who = String.join(", ", groups);
    }
    if (to.isEmpty()) {
      throw new IllegalStateException(
          "ผู้รับผิดชอบงาน "
              + task.getAssignee()
              + " ไม่มีอีเมล: เพิ่มอีเมลใน Admin แล้วสั่งทำงานนี้ใหม่ใน Cockpit (the assignee has no"
              + " e-mail address)");
    }
    String stepName = task.getName();
    String subject =
        "["
            + request.getBusinessKey()
            + "] แจ้งเตือน: งาน \""
            + stepName
            + "\" จะครบกำหนด "
            + due(task);
    String body =
        "เรียน "
            + who
            + "\n\nคำขอเผยแพร่ข้อมูลต่อไปนี้รอการดำเนินการของท่าน และจะครบกำหนดในไม่ช้า\n\n"
            + facts(request, stepName, task)
            + "กรุณาดำเนินการใน Tasklist: "
            + mail.tasklistUrl()
            + "\nหากเลยกำหนด ระบบจะแจ้งผู้บังคับบัญชาทราบ\n";
    MailNotifier.Delivery delivery =
        mail.send(new MailNotice(to, subject, body, request.getBusinessKey()));
    record(request, processInstanceId, "sendStepReminder", delivery, step);
  }

  /** Tells those who oversee the step that it is past due; nothing if it was done meanwhile. */
  void escalate(String processInstanceId, String businessKey, String step) {
    Task task = openTask(processInstanceId, step);
    if (task == null) {
      log.info("Step {} of {} was done before its escalation ran", step, processInstanceId);
      return;
    }
    PublicationRequest request = requests.load(businessKey);
    Set<String> groups = new LinkedHashSet<>();
    deadlines
        .step(step)
        .getEscalateTo()
        .forEach(g -> groups.add(g.replace("{unit}", request.getUnit())));
    String holder =
        task.getAssignee() != null
            ? fullName(task.getAssignee())
            : String.join(", ", candidateGroups(task));
    String stepName = task.getName();
    String subject =
        "["
            + request.getBusinessKey()
            + "] เลยกำหนด: งาน \""
            + stepName
            + "\" ยังไม่แล้วเสร็จ (ครบกำหนด "
            + due(task)
            + ")";
    String body =
        "เรียน ผู้บังคับบัญชา\n\nงานต่อไปนี้ของคำขอเผยแพร่ข้อมูลเลยกำหนดแล้วและยังไม่แล้วเสร็จ\n\n"
            + facts(request, stepName, task)
            + "ผู้รับผิดชอบขณะนี้: "
            + holder
            + "\n\nกรุณาติดตามให้ดำเนินการโดยเร็ว ดูรายละเอียดได้ใน Tasklist: "
            + mail.tasklistUrl()
            + "\n";
    MailNotifier.Delivery delivery =
        mail.send(
            new MailNotice(mailboxes.addressesOf(groups), subject, body, request.getBusinessKey()));
    record(request, processInstanceId, "escalateOverdueStep", delivery, step);
  }

  private String facts(PublicationRequest request, String stepName, Task task) {
    return "เลขที่คำขอ: "
        + request.getBusinessKey()
        + "\nเรื่อง: "
        + request.getTitle()
        + "\nหน่วยงาน: "
        + municipality.unitName(request.getUnit())
        + (request.isUrgent() ? " (เร่งด่วน)" : "")
        + "\nขั้นตอน: "
        + stepName
        + "\nครบกำหนด: "
        + due(task)
        + "\n\n";
  }

  private static String due(Task task) {
    return task.getDueDate() == null ? "-" : ThaiDates.dateTime(task.getDueDate().toInstant());
  }

  private String fullName(String userId) {
    var user = identities.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
  }

  private Task openTask(String processInstanceId, String step) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(step)
        .singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private void record(
      PublicationRequest request,
      String processInstanceId,
      String action,
      MailNotifier.Delivery delivery,
      String step) {
    audit.record(
        new AuditRecord(
            request.getBusinessKey(),
            processInstanceId,
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            action,
            delivery.name().toLowerCase(),
            step));
  }
}
