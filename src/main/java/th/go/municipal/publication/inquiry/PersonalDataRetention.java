package th.go.municipal.publication.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;

/**
 * Keeps the requester's personal data no longer than needed (PDPA): once an information request was
 * answered longer ago than {@code publication.inquiry.personal-data-retention}, its requester's
 * name, e-mail address, phone, address hash and message are erased from {@code
 * information_requests}, the process variables that carried them are deleted from the engine's
 * history, and the anonymisation is recorded in the audit trail, each request in its own
 * transaction. What the monitoring report counts (kind, unit, dates, status) and the subject and
 * answer stay. A request whose answer is still being sent (a failing mail server) waits.
 */
@Component
class PersonalDataRetention {

  /** The process variables that carry the requester's personal data. */
  static final List<String> PERSONAL_VARIABLES =
      List.of(
          InquiryVariables.REQUESTER_NAME,
          InquiryVariables.REQUESTER_EMAIL_MASKED,
          InquiryVariables.REQUESTER_PHONE,
          InquiryVariables.MESSAGE);

  static final String ACTION = "anonymisePersonalData";

  private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

  private final InformationRequestRepository requests;
  private final HistoryService history;
  private final AuditService audit;
  private final InquiryProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PersonalDataRetention(
      InformationRequestRepository requests,
      HistoryService history,
      AuditService audit,
      InquiryProperties properties,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.requests = requests;
    this.history = history;
    this.audit = audit;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(cron = "${publication.inquiry.retention-cron:0 15 2 * * *}", zone = "Asia/Bangkok")
  void anonymiseDue() {
    List<String> done = anonymiseDue(clock.instant());
    if (!done.isEmpty()) {
      log.info("Personal data of {} information request(s) erased: {}", done.size(), done);
    }
  }

  /** Anonymises every request due at {@code now}; answers their reference numbers. */
  List<String> anonymiseDue(Instant now) {
    Instant answeredBefore = now.minus(properties.getPersonalDataRetention());
    List<String> done = new ArrayList<>();
    for (InformationRequest request :
        requests.findByAnonymisedAtIsNullAndAnsweredAtBeforeOrderByAnsweredAtAsc(answeredBefore)) {
      if (stillRunning(request)) {
        continue;
      }
      if (Boolean.TRUE.equals(transaction.execute(status -> anonymise(request, now)))) {
        done.add(request.getReferenceNumber());
      }
    }
    return done;
  }

  private boolean stillRunning(InformationRequest request) {
    return request.getProcessInstanceId() != null
        && history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(request.getProcessInstanceId())
                .unfinished()
                .count()
            > 0;
  }

  private boolean anonymise(InformationRequest request, Instant now) {
    if (requests.anonymise(request.getReferenceNumber(), now) == 0) {
      return false;
    }
    int variables = 0;
    if (request.getProcessInstanceId() != null) {
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(request.getProcessInstanceId())
              .variableNameIn(PERSONAL_VARIABLES.toArray(String[]::new))
              .list()) {
        history.deleteHistoricVariableInstance(variable.getId());
        variables++;
      }
    }
    audit.record(
        new AuditRecord(
                request.getReferenceNumber(),
                request.getProcessInstanceId(),
                AuditRecord.SYSTEM,
                AuditRecord.SYSTEM,
                ACTION,
                null,
                "ลบชื่อ อีเมล หมายเลขโทรศัพท์ ค่าแฮชของที่อยู่ไอพี และข้อความของผู้ขอ"
                    + " เมื่อพ้นระยะเวลาเก็บรักษา "
                    + properties.getPersonalDataRetention().toDays()
                    + " วันหลังการตอบ และลบตัวแปรที่มีข้อมูลเหล่านี้ออกจากประวัติของกระบวนการ "
                    + variables
                    + " รายการ (PDPA)")
            .withUnit(request.getUnit()));
    return true;
  }
}
