package th.go.municipal.publication.inquiry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a member of the public sends through the website; the code is what the form and the table
 * use.
 */
public enum InquiryKind {
  INFORMATION("information", "ขอข้อมูลข่าวสาร"),
  COMMENT("comment", "แสดงความคิดเห็น/ข้อเสนอแนะ"),
  COMPLAINT("complaint", "ร้องเรียน");

  public final String code;
  public final String thaiName;

  InquiryKind(String code, String thaiName) {
    this.code = code;
    this.thaiName = thaiName;
  }

  public static Optional<InquiryKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(k -> k.code).toList();
  }

  public String getCode() {
    return code;
  }

  public String getThaiName() {
    return thaiName;
  }
}
