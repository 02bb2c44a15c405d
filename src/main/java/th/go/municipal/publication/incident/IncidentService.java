package th.go.municipal.publication.incident;

import static th.go.municipal.publication.incident.IncidentVariables.AFFECTED_COUNT;
import static th.go.municipal.publication.incident.IncidentVariables.CAUSE;
import static th.go.municipal.publication.incident.IncidentVariables.DAMAGE_AREA;
import static th.go.municipal.publication.incident.IncidentVariables.INCIDENT_AT;
import static th.go.municipal.publication.incident.IncidentVariables.LOCATION;
import static th.go.municipal.publication.incident.IncidentVariables.MAYOR_COMMENT;
import static th.go.municipal.publication.incident.IncidentVariables.REMEDY;
import static th.go.municipal.publication.incident.IncidentVariables.UNIT;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ReferenceNumbers;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.identity.StepGuard;
import th.go.municipal.publication.notification.MailNotifier;
import th.go.municipal.publication.notification.StaffMailboxes;

/**
 * Urgent incidents (announcement section 3): the head of the unit concerned reports date, time,
 * place, people affected, damaged area, cause and remedy to the mayor, who acknowledges. Started on
 * its own by a head, or from an urgent publication request, which it never waits for.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class IncidentService {

  static final long MAX_AFFECTED = 10_000_000L;

  private static final String ONLY_THE_HEAD =
      "เฉพาะหัวหน้าหน่วยงานที่เกี่ยวข้องเท่านั้นที่รายงานเหตุได้ (only the unit's head may report an incident)";

  private static final Map<String, String> LABELS =
      Map.of(
          UNIT, "หน่วยงานที่เกี่ยวข้อง",
          INCIDENT_AT, "วันและเวลาที่เกิดเหตุ",
          LOCATION, "สถานที่เกิดเหตุ",
          AFFECTED_COUNT, "จำนวนผู้ได้รับผลกระทบ",
          DAMAGE_AREA, "พื้นที่ความเสียหาย",
          CAUSE, "สาเหตุ",
          REMEDY, "แนวทางแก้ไขปัญหา",
          MAYOR_COMMENT, "ความเห็นของนายกเทศมนตรี");

  private final IncidentReportRepository incidents;
  private final MailNotifier mail;
  private final IncidentMails mails;
  private final StaffMailboxes mailboxes;
  private final StaffDirectory staff;
  private final StepGuard guard;
  private final ReferenceNumbers numbers;
  private final AuditService audit;
  private final MunicipalityProperties municipality;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  IncidentService(
      IncidentReportRepository incidents,
      MailNotifier mail,
      IncidentMails mails,
      StaffMailboxes mailboxes,
      StaffDirectory staff,
      StepGuard guard,
      ReferenceNumbers numbers,
      AuditService audit,
      MunicipalityProperties municipality,
      ApplicationEventPublisher events,
      Clock clock) {
    this.incidents = incidents;
    this.mail = mail;
    this.mails = mails;
    this.mailboxes = mailboxes;
    this.staff = staff;
    this.guard = guard;
    this.numbers = numbers;
    this.audit = audit;
    this.municipality = municipality;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new incident report; {@code requestKey} is set when an urgent publication request raised it.
   */
  public IncidentReport register(
      String userId, String processInstanceId, String requestKey, Map<String, Object> variables) {
    FieldReader in = new FieldReader(variables, LABELS);
    String unit = in.unit(UNIT, municipality.unitIds());
    if (requestKey == null) {
      guard.requireMember(userId, Groups.head(unit), ONLY_THE_HEAD);
    }
    IncidentFacts facts = facts(in, false);
    IncidentReport report =
        new IncidentReport(
            numbers.next("IN"), processInstanceId, requestKey, unit, clock.instant());
    report.describe(facts);
    incidents.save(report);
    events.publishEvent(
        new IncidentRaised(report.getIncidentKey(), unit, requestKey, report.getCreatedAt()));
    audit.record(
        new AuditRecord(
            report.getIncidentKey(),
            processInstanceId,
            AuditRecord.actor(userId),
            requestKey == null ? "head" : "reporter",
            "raiseIncident",
            null,
            requestKey));
    return report;
  }

  /** The head reports the facts, all of them required now, and signs. */
  public String report(String userId, String processInstanceId, Map<String, Object> variables) {
    IncidentReport report = load(processInstanceId);
    guard.requireMember(userId, Groups.head(report.getUnit()), ONLY_THE_HEAD);
    report.describe(facts(new FieldReader(variables, LABELS), true));
    Instant now = clock.instant();
    report.reported(userId, now);
    return signature(userId, now);
  }

  /** The mayor acknowledges, with an optional comment. */
  public String acknowledge(
      String userId, String processInstanceId, Map<String, Object> variables) {
    IncidentReport report = load(processInstanceId);
    guard.requireMember(
        userId,
        Groups.MAYOR,
        "เฉพาะนายกเทศมนตรีเท่านั้นที่รับทราบเหตุได้ (only the mayor may acknowledge)");
    String comment = new FieldReader(variables, LABELS).text(MAYOR_COMMENT, false, 2000);
    Instant now = clock.instant();
    report.acknowledged(userId, comment, now);
    return signature(userId, now);
  }

  /**
   * E-mails the report to the mayor at once (announcement section 3). A mail server that fails
   * fails the step, which is retried and then shows as an incident in Cockpit; a mayor without an
   * e-mail address is such a failure too, never a silent skip.
   */
  public void notifyMayor(String processInstanceId) {
    IncidentReport report = load(processInstanceId);
    List<String> to = mailboxes.addressesOf(List.of(Groups.MAYOR));
    mail.send(mails.toMayor(report, to));
    audit.record(
        new AuditRecord(
            report.getIncidentKey(),
            processInstanceId,
            AuditRecord.SYSTEM,
            AuditRecord.SYSTEM,
            "notifyMayor",
            null,
            String.join(", ", to)));
  }

  private IncidentFacts facts(FieldReader in, boolean required) {
    var at = in.dateTime(INCIDENT_AT, required, ThaiDates.BANGKOK);
    return new IncidentFacts(
        at == null ? null : at.atZone(ThaiDates.BANGKOK).toInstant(),
        in.line(LOCATION, required, 500),
        in.count(AFFECTED_COUNT, required, MAX_AFFECTED),
        in.text(DAMAGE_AREA, required, 1000),
        in.text(CAUSE, required, 2000),
        in.text(REMEDY, required, 2000));
  }

  private String signature(String userId, Instant at) {
    return staff.signer(userId).display(at);
  }

  private IncidentReport load(String processInstanceId) {
    return incidents
        .findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> InputRejectedException.notFound("รายงานเหตุของกระบวนการนี้"));
  }
}
