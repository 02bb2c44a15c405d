package th.go.municipal.publication.incident;

import java.util.List;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.notification.MailNotice;
import th.go.municipal.publication.notification.MailNotifier;

/** The Thai e-mail that takes an urgent incident report to the mayor (announcement section 3). */
@Component
class IncidentMails {

  private final MunicipalityProperties municipality;
  private final StaffDirectory staff;
  private final MailNotifier notifier;

  IncidentMails(MunicipalityProperties municipality, StaffDirectory staff, MailNotifier notifier) {
    this.municipality = municipality;
    this.staff = staff;
    this.notifier = notifier;
  }

  MailNotice toMayor(IncidentReport report, List<String> to) {
    String unitName = municipality.unitName(report.getUnit());
    StaffDirectory.Signer reporter = staff.signer(report.getReportedBy());
    String subject =
        "[เหตุเร่งด่วน] "
            + unitName
            + ": "
            + report.getLocation()
            + " ("
            + report.getIncidentKey()
            + ")";
    String body =
        "เรียน นายกเทศมนตรี\n\n"
            + "หัวหน้าหน่วยงาน"
            + unitName
            + " รายงานเหตุสำคัญ ฉุกเฉิน/เร่งด่วน ดังนี้\n\n"
            + "เลขที่รายงาน: "
            + report.getIncidentKey()
            + "\n"
            + "วันและเวลาที่เกิดเหตุ: "
            + (report.getIncidentAt() == null ? "-" : ThaiDates.dateTime(report.getIncidentAt()))
            + "\n"
            + "สถานที่เกิดเหตุ: "
            + report.getLocation()
            + "\n"
            + "จำนวนผู้ได้รับผลกระทบ: "
            + report.getAffectedCount()
            + " คน\n"
            + "พื้นที่ความเสียหาย: "
            + report.getDamageArea()
            + "\n"
            + "สาเหตุ: "
            + report.getCause()
            + "\n"
            + "แนวทางแก้ไขปัญหา: "
            + report.getRemedy()
            + "\n"
            + (report.getRequestKey() == null
                ? ""
                : "เกี่ยวข้องกับคำขอเผยแพร่เลขที่: " + report.getRequestKey() + "\n")
            + "\nผู้รายงาน: "
            + reporter.display(report.getReportedAt())
            + "\n\n"
            + "กรุณารับทราบเหตุผ่านงาน \"รับทราบเหตุเร่งด่วน\" ในระบบ Tasklist: "
            + notifier.tasklistUrl()
            + "\n";
    return new MailNotice(to, subject, body, report.getIncidentKey());
  }
}
