package th.go.municipal.publication.inquiry;

/** Where an information request stands, as the requester may see it. */
public enum InquiryStatus {
  RECEIVED("ได้รับแล้ว อยู่ระหว่างพิจารณา"),
  ANSWERED("ตอบแล้ว อยู่ระหว่างส่งคำตอบทางอีเมล"),
  ANSWER_SENT("ส่งคำตอบทางอีเมลแล้ว");

  public final String thaiName;

  InquiryStatus(String thaiName) {
    this.thaiName = thaiName;
  }
}
