package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** The request form's rules, without the engine. */
class RequestValidatorTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private final RequestValidator validator = new RequestValidator(municipality());

  @Test
  void validRequestIsReadWithItsFieldsTrimmed() {
    Map<String, Object> v = valid();
    v.put("title", "  ประกาศเทศบาล  ");
    v.put("publishFrom", "2026-12-01");
    v.put("publishUntil", "2027-01-31");
    v.put("remarks", "");

    RequestFields fields = validator.validate(v, TODAY);

    assertThat(fields.title()).isEqualTo("ประกาศเทศบาล");
    assertThat(fields.publishFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(fields.remarks()).as("blank optional text counts as absent").isNull();
    assertThat(fields.urgent()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "ftp://example.go.th/a",
        "data:text/html,<b>x</b>",
        "https://",
        "not a url",
        "file:///etc/passwd"
      })
  void externalUrlMustBeHttpOrHttpsWithAHost(String url) {
    Map<String, Object> v = valid();
    v.put("externalUrl", url);

    assertRefused(v, "externalUrl", "URL ภายนอก (externalUrl):");
  }

  @Test
  void missingTitleIsRefusedByName() {
    Map<String, Object> v = valid();
    v.remove("title");

    assertRefused(v, "title", "หัวข้อเรื่อง (title): กรุณากรอกข้อมูล");
  }

  @Test
  void overlongTitleAndDetailsAreRefused() {
    Map<String, Object> v = valid();
    v.put("title", "ก".repeat(RequestValidator.TITLE_MAX + 1));
    assertRefused(v, "title", "ยาวเกิน 200");

    v = valid();
    v.put("details", "ข".repeat(RequestValidator.DETAILS_MAX + 1));
    assertRefused(v, "details", "ยาวเกิน 10000");
  }

  @Test
  void unknownUnitCategoryAndOitItemAreRefused() {
    Map<String, Object> v = valid();
    v.put("unit", "police");
    assertRefused(v, "unit", "ไม่พบหน่วยงาน 'police'");

    v = valid();
    v.put("category", "gossip");
    assertRefused(v, "category", "ประเภทข้อมูล (category):");

    v = valid();
    v.put("oitItem", "O99");
    assertRefused(v, "oitItem", "ไม่พบตัวชี้วัด 'O99'");
  }

  @Test
  void periodMustNotEndBeforeItStartsNorLieInThePast() {
    Map<String, Object> v = valid();
    v.put("publishFrom", "2027-02-01");
    v.put("publishUntil", "2027-01-01");
    assertRefused(v, "publishUntil", "ต้องไม่ก่อนวันที่เริ่มเผยแพร่");

    v = valid();
    v.put("publishUntil", "2026-11-24");
    assertRefused(v, "publishUntil", "ต้องไม่เป็นวันที่ที่ผ่านมาแล้ว");

    v = valid();
    v.put("publishUntil", "25/11/2569");
    assertRefused(v, "publishUntil", "yyyy-MM-dd");
  }

  @Test
  void controlCharactersAndWrongTypesAreRefused() {
    Map<String, Object> v = valid();
    v.put("title", "ประกาศ\u0000ลับ");
    assertRefused(v, "title", "อักขระควบคุม");

    v = valid();
    v.put("title", "บรรทัดแรก\nบรรทัดสอง");
    assertRefused(v, "title", "บรรทัดเดียว");

    v = valid();
    v.put("title", 42);
    assertRefused(v, "title", "ต้องเป็นข้อความ");

    v = valid();
    v.put("urgent", "yes");
    assertRefused(v, "urgent", "จริงหรือเท็จ");
  }

  private void assertRefused(Map<String, Object> variables, String field, String messagePart) {
    assertThatThrownBy(() -> validator.validate(variables, TODAY))
        .isInstanceOfSatisfying(
            InputRejectedException.class,
            e -> {
              assertThat(e.getField()).isEqualTo(field);
              assertThat(e.getReason()).isEqualTo(InputRejectedException.Reason.INVALID);
            })
        .hasMessageContaining(messagePart);
  }

  private static Map<String, Object> valid() {
    Map<String, Object> v = new HashMap<>();
    v.put("unit", "clerk");
    v.put("title", "ประกาศเทศบาล");
    v.put("details", "รายละเอียด");
    v.put("category", "rules");
    v.put("oitItem", "O6");
    v.put("externalUrl", "https://www.krisdika.go.th/");
    return v;
  }

  private static MunicipalityProperties municipality() {
    MunicipalityProperties m = new MunicipalityProperties();
    m.setUnits(List.of(new MunicipalityProperties.Unit("clerk", "สำนักปลัดเทศบาล")));
    m.setOitItems(List.of(new MunicipalityProperties.OitItem("O6", "กฎหมายที่เกี่ยวข้อง", null)));
    return m;
  }
}
