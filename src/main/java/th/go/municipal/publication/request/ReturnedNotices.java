package th.go.municipal.publication.request;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;
import th.go.municipal.publication.notification.NoticeKind;
import th.go.municipal.publication.notification.StaffNotices;

/** Tells the reporter that the head or the webmaster returned their request, and why. */
@Component
class ReturnedNotices {

  private final StaffNotices notices;
  private final StaffDirectory staff;
  private final MunicipalityProperties municipality;

  ReturnedNotices(StaffNotices notices, StaffDirectory staff, MunicipalityProperties municipality) {
    this.notices = notices;
    this.staff = staff;
    this.municipality = municipality;
  }

  @EventListener(condition = "#step.returned()")
  void onReturned(RequestStepSigned step) {
    notices.notify(
        List.of(step.preparedBy()),
        NoticeKind.REQUEST_RETURNED,
        "[" + step.businessKey() + "] ส่งกลับแก้ไข: " + step.title(),
        "คำขอเผยแพร่ข้อมูลที่ท่านจัดเตรียมถูกส่งกลับให้แก้ไข\n\nเลขที่คำขอ: "
            + step.businessKey()
            + "\nเรื่อง: "
            + step.title()
            + "\nหน่วยงาน: "
            + municipality.unitName(step.unit())
            + "\nส่งกลับโดย: "
            + staff.signer(step.signedBy()).display(step.signedAt())
            + "\nเหตุผล: "
            + step.comment()
            + "\n\nกรุณาแก้ไขและลงนามรับรองอีกครั้งในงาน \"จัดเตรียมและรับรองข้อมูล\" ที่ Tasklist: "
            + notices.tasklistUrl()
            + "\n\nส่งเมื่อ "
            + ThaiDates.dateTime(step.signedAt())
            + "\n",
        step.businessKey());
  }
}
