package th.go.municipal.publication.inquiry;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.notification.MailNotice;
import th.go.municipal.publication.notification.MailNotifier;

/**
 * The Thai e-mails of an information request: the answer to the requester, the reminder to the
 * unit's heads and the notice that the deadline has passed. Staff e-mails name the request but
 * carry none of the requester's personal data; they read it in Tasklist.
 */
@Component
class InquiryMails {

  private static final Map<String, String> CHANNEL_NOTES =
      Map.of(
          "phone", "หน่วยงานได้แจ้งคำตอบนี้แก่ท่านทางโทรศัพท์แล้วด้วย\n\n",
          "in-person", "หน่วยงานได้ชี้แจงคำตอบนี้แก่ท่านด้วยตนเองแล้วด้วย\n\n");

  private final MunicipalityProperties municipality;
  private final InquiryProperties properties;
  private final MailNotifier notifier;

  InquiryMails(
      MunicipalityProperties municipality, InquiryProperties properties, MailNotifier notifier) {
    this.municipality = municipality;
    this.properties = properties;
    this.notifier = notifier;
  }

  MailNotice answer(InformationRequest r) {
    String unitName = unitName(r);
    String subject =
        "["
            + r.getReferenceNumber()
            + "] คำตอบจาก"
            + municipality.getName()
            + ": "
            + shorten(r.getSubject());
    String body =
        "เรียน คุณ"
            + r.getRequesterName()
            + "\n\n"
            + "ตามที่ท่านได้"
            + r.getKind().thaiName
            + "ผ่านเว็บไซต์ของ"
            + municipality.getName()
            + " เมื่อ "
            + ThaiDates.dateTime(r.getReceivedAt())
            + "\n"
            + "เลขที่อ้างอิง "
            + r.getReferenceNumber()
            + " เรื่อง \""
            + r.getSubject()
            + "\"\n"
            + unitName
            + " ขอเรียนตอบดังนี้\n\n"
            + r.getAnswer()
            + "\n\n"
            + CHANNEL_NOTES.getOrDefault(r.getAnswerChannel(), "")
            + "ผู้ตอบ: "
            + r.getAnsweredByDisplay()
            + "\n"
            + unitName
            + " "
            + municipality.getName()
            + "\n\n"
            + contact(r)
            + "อีเมลฉบับนี้ส่งจากระบบโดยอัตโนมัติ ข้อมูลส่วนบุคคลของท่านใช้เพื่อพิจารณาและตอบเรื่องนี้เท่านั้น\n";
    return new MailNotice(List.of(r.getRequesterEmail()), subject, body, r.getReferenceNumber());
  }

  MailNotice reminder(InformationRequest r, List<String> to) {
    String subject =
        "["
            + r.getReferenceNumber()
            + "] แจ้งเตือน: เรื่องจากประชาชนจะครบกำหนดตอบวันที่ "
            + dueDate(r);
    String body =
        "เรียน หัวหน้า"
            + unitName(r)
            + "\n\n"
            + "เรื่องที่ประชาชนส่งผ่านเว็บไซต์ต่อไปนี้ยังไม่ได้ตอบ และจะครบกำหนดตอบภายใน "
            + properties.getResponseDays()
            + " วัน ในวันที่ "
            + dueDate(r)
            + "\n\n"
            + facts(r)
            + "กรุณาตอบผ่านงาน \"ตอบคำขอข้อมูล/ความคิดเห็น\" ในระบบ Tasklist: "
            + notifier.tasklistUrl()
            + "\n"
            + "หากเลยกำหนด ระบบจะแจ้งผู้บริหารทราบ\n";
    return new MailNotice(to, subject, body, r.getReferenceNumber());
  }

  MailNotice escalation(InformationRequest r, List<String> to) {
    String subject =
        "["
            + r.getReferenceNumber()
            + "] เลยกำหนดตอบ: เรื่องจากประชาชนยังไม่ได้รับคำตอบภายใน "
            + properties.getResponseDays()
            + " วัน";
    String body =
        "เรียน ผู้บริหารและหัวหน้า"
            + unitName(r)
            + "\n\n"
            + "เรื่องที่ประชาชนส่งผ่านเว็บไซต์ต่อไปนี้ยังไม่ได้ตอบ และเลยกำหนดตอบแล้ว (ครบกำหนดวันที่ "
            + dueDate(r)
            + ")\n\n"
            + facts(r)
            + "งานตอบเรื่องนี้ยังอยู่ที่"
            + unitName(r)
            + " กรุณาติดตามให้ตอบโดยเร็ว ดูรายละเอียดได้ในระบบ Tasklist: "
            + notifier.tasklistUrl()
            + "\n";
    return new MailNotice(to, subject, body, r.getReferenceNumber());
  }

  private String facts(InformationRequest r) {
    return "เลขที่อ้างอิง: "
        + r.getReferenceNumber()
        + "\n"
        + "ประเภท: "
        + r.getKind().thaiName
        + "\n"
        + "เรื่อง: "
        + r.getSubject()
        + "\n"
        + "หน่วยงาน: "
        + unitName(r)
        + "\n"
        + "ได้รับเมื่อ: "
        + ThaiDates.dateTime(r.getReceivedAt())
        + "\n"
        + "ครบกำหนดตอบ: "
        + dueDate(r)
        + "\n\n";
  }

  private String contact(InformationRequest r) {
    StringBuilder contact =
        new StringBuilder("หากมีข้อสงสัยเพิ่มเติม โปรดติดต่อ").append(municipality.getName());
    if (!municipality.getPhone().isBlank()) {
      contact.append(" โทร ").append(municipality.getPhone());
    }
    if (!municipality.getEmail().isBlank()) {
      contact.append(" อีเมล ").append(municipality.getEmail());
    }
    return contact
        .append(" โดยอ้างอิงเลขที่ ")
        .append(r.getReferenceNumber())
        .append("\n")
        .append(municipality.getWebsiteUrl())
        .append("\n\n")
        .toString();
  }

  private String unitName(InformationRequest r) {
    return municipality.unitName(r.getUnit());
  }

  private static String dueDate(InformationRequest r) {
    return InquiryService.dueDateThai(r.getDueAt());
  }

  private static String shorten(String text) {
    return text.codePointCount(0, text.length()) <= 80
        ? text
        : text.substring(0, text.offsetByCodePoints(0, 79)) + "…";
  }
}
