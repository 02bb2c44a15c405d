package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import th.go.municipal.publication.request.PersonalDataScreener.Finding;
import th.go.municipal.publication.request.PersonalDataScreener.Kind;

/** What counts as personal data in a request, and what does not. */
class PersonalDataScreenerTests {

  // 1-1017-00207-03-0: a checksum-valid example number.
  private final PersonalDataScreener screener = new PersonalDataScreener();

  @Test
  void nationalIdIsFoundWithOrWithoutDashesSpacesAndInThaiDigits() {
    assertThat(kinds("เลขประจำตัว 1101700207030 ผู้ยื่น")).containsExactly(Kind.NATIONAL_ID);
    assertThat(kinds("เลขประจำตัว 1-1017-00207-03-0")).containsExactly(Kind.NATIONAL_ID);
    assertThat(kinds("เลขประจำตัว 1 1017 00207 03 0")).containsExactly(Kind.NATIONAL_ID);
    assertThat(kinds("เลขประจำตัว ๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐")).containsExactly(Kind.NATIONAL_ID);
  }

  @Test
  void nationalIdIsFoundHoweverItIsWritten() {
    for (String written :
        List.of(
            "1.1017.00207.03.0",
            "1/1017/00207/03/0",
            "1_1017_00207_03_0",
            "1 - 1017 - 00207 - 03 - 0",
            "1\u00A01017\u00A000207\u00A003\u00A00",
            "1\u200B1017\u200B00207\u200B03\u200B0",
            "1\u2060101700\u00AD207030",
            "１１０１７００２０７０３０",
            "１－１０１７－００２０７－０３－０",
            "%31%31%30%31%37%30%30%32%30%37%30%33%30",
            "เลข1101700207030ผู้ยื่น",
            "ref 99 1101700207030")) {
      assertThat(kinds("ผู้ยื่น " + written + " ตามประกาศ")).as(written).contains(Kind.NATIONAL_ID);
    }
  }

  @Test
  void phoneNumbersAreFoundHoweverTheyAreWritten() {
    assertThat(kinds("โทร ０８１．２３４．５６７８")).containsExactly(Kind.PHONE);
    assertThat(kinds("โทร 081\u200B234\u200B5678")).containsExactly(Kind.PHONE);
    assertThat(kinds("ติดต่อ ｓｏｍｃｈａｉ＠ｅｘａｍｐｌｅ．ｃｏ．ｔｈ")).containsExactly(Kind.EMAIL);
  }

  @Test
  void datesAndAmountsWithSeparatorsAreNotAnId() {
    assertThat(kinds("ระหว่าง 1/10/2567 - 30/9/2568 วงเงิน 1,250,000.00 บาท")).isEmpty();
  }

  @Test
  void thirteenDigitsFailingTheChecksumAreNotAnId() {
    assertThat(kinds("เลขที่หนังสือ 1101700207031")).isEmpty();
    assertThat(kinds("งบประมาณ 1234567890123 บาท")).isEmpty();
  }

  @Test
  void idIsReportedMasked() {
    assertThat(screener.screen("รายละเอียดข้อมูล", "1101700207030"))
        .containsExactly(new Finding("รายละเอียดข้อมูล", Kind.NATIONAL_ID, "1-1017-xxxxx-xx-0"));
  }

  @Test
  void phoneNumbersAndEmailsAreFound() {
    assertThat(screener.screen("d", "ติดต่อ 081-234-5678 หรือ 02 123 4567 หรือ +66 81 234 5678"))
        .extracting(Finding::masked)
        .containsExactly("081234xxxx", "02123xxxx", "+6681234xxxx");
    assertThat(screener.screen("d", "ส่งมาที่ somchai.j@example.co.th"))
        .containsExactly(new Finding("d", Kind.EMAIL, "s***@example.co.th"));
    assertThat(kinds("โทร ๐๘๑-๒๓๔-๕๖๗๘")).containsExactly(Kind.PHONE);
  }

  @Test
  void ordinaryAnnouncementTextHasNoFindings() {
    assertThat(
            kinds(
                "ประกาศ ณ วันที่ 6 มกราคม พ.ศ. 2563 งบประมาณ 2,500,000 บาท ปีงบประมาณ 2569"
                    + " เลขที่ 123/2569 โทรสายด่วน 1111 เว็บไซต์ https://www.example.go.th"))
        .isEmpty();
  }

  @Test
  void checksumFollowsTheFormula() {
    assertThat(PersonalDataScreener.isNationalId("1101700207030")).isTrue();
    assertThat(PersonalDataScreener.isNationalId("3100600211131")).isFalse();
  }

  private List<Kind> kinds(String text) {
    return screener.screen("d", text).stream().map(Finding::kind).toList();
  }
}
