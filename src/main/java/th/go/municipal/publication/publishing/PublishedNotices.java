package th.go.municipal.publication.publishing;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.notification.NoticeKind;
import th.go.municipal.publication.notification.StaffNotices;
import th.go.municipal.publication.request.PublicationRequests;

/** Tells the reporter that the request they prepared is on the website, with its public link. */
@Component
class PublishedNotices {

  private final StaffNotices notices;
  private final PublicationRequests requests;
  private final MunicipalityProperties municipality;

  PublishedNotices(
      StaffNotices notices, PublicationRequests requests, MunicipalityProperties municipality) {
    this.notices = notices;
    this.requests = requests;
    this.municipality = municipality;
  }

  @EventListener
  void onPublished(ItemPublished item) {
    requests.preparedBy(item.businessKey()).ifPresent(reporter -> tell(reporter, item));
  }

  private void tell(String reporter, ItemPublished item) {
    notices.notify(
        List.of(reporter),
        NoticeKind.ITEM_PUBLISHED,
        "[" + item.businessKey() + "] เผยแพร่แล้ว: " + item.title(),
        "คำขอเผยแพร่ข้อมูลที่ท่านจัดเตรียมได้นำขึ้นเผยแพร่บนเว็บไซต์ของ"
            + municipality.getName()
            + " แล้ว\n\nเลขที่คำขอ: "
            + item.businessKey()
            + "\nเรื่อง: "
            + item.title()
            + "\nหน่วยงาน: "
            + municipality.unitName(item.unit())
            + "\n\nอ่านได้ที่: "
            + item.publicUrl()
            + "\n",
        item.businessKey());
  }
}
