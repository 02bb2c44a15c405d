package th.go.municipal.publication.request;

import static th.go.municipal.publication.request.RequestVariables.CATEGORY;
import static th.go.municipal.publication.request.RequestVariables.DETAILS;
import static th.go.municipal.publication.request.RequestVariables.EXTERNAL_URL;
import static th.go.municipal.publication.request.RequestVariables.OIT_ITEM;
import static th.go.municipal.publication.request.RequestVariables.PUBLISH_FROM;
import static th.go.municipal.publication.request.RequestVariables.PUBLISH_UNTIL;
import static th.go.municipal.publication.request.RequestVariables.REMARKS;
import static th.go.municipal.publication.request.RequestVariables.TITLE;
import static th.go.municipal.publication.request.RequestVariables.UNIT;
import static th.go.municipal.publication.request.RequestVariables.URGENT;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** Checks the request form's fields and refuses the first bad one with a Thai message naming it. */
@Component
class RequestValidator {

  public static final int TITLE_MAX = 200;
  public static final int DETAILS_MAX = 10000;
  public static final int URL_MAX = 2000;
  public static final int REMARKS_MAX = 2000;
  public static final int COMMENT_MAX = 2000;

  /** Thai names of the fields, as the announcement's form calls them. */
  public static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(UNIT, "ชื่อหน่วยงาน"),
          Map.entry(TITLE, "หัวข้อเรื่อง"),
          Map.entry(DETAILS, "รายละเอียดข้อมูล"),
          Map.entry(CATEGORY, "ประเภทข้อมูล"),
          Map.entry(OIT_ITEM, "ตัวชี้วัด ITA/OIT"),
          Map.entry(EXTERNAL_URL, "URL ภายนอก"),
          Map.entry(REMARKS, "หมายเหตุ"),
          Map.entry(PUBLISH_FROM, "วันที่เริ่มเผยแพร่"),
          Map.entry(PUBLISH_UNTIL, "วันที่สิ้นสุดการเผยแพร่"),
          Map.entry(URGENT, "เหตุสำคัญ ฉุกเฉิน/เร่งด่วน"),
          Map.entry(RequestVariables.REPORTER_CONFIRMED, "การรับรองความถูกต้องของผู้รายงาน"),
          Map.entry(RequestVariables.HEAD_DECISION, "ผลการพิจารณาของหัวหน้าหน่วยงาน"),
          Map.entry(RequestVariables.HEAD_COMMENT, "เหตุผล/ความเห็นของหัวหน้าหน่วยงาน"),
          Map.entry(RequestVariables.WEBMASTER_DECISION, "ผลการตรวจทานของผู้นำข้อมูลขึ้นเผยแพร่"),
          Map.entry(RequestVariables.WEBMASTER_COMMENT, "เหตุผล/ความเห็นของผู้นำข้อมูลขึ้นเผยแพร่"),
          Map.entry(RequestVariables.PERSONAL_DATA_BASIS, "ฐานในการเปิดเผยข้อมูลส่วนบุคคล"),
          Map.entry(
              RequestVariables.PERSONAL_DATA_COMMENT, "คำอธิบายฐานในการเปิดเผยข้อมูลส่วนบุคคล"));

  private final MunicipalityProperties municipality;

  public RequestValidator(MunicipalityProperties municipality) {
    this.municipality = municipality;
  }

  public FieldReader reader(Map<String, Object> variables) {
    return new FieldReader(variables, LABELS);
  }

  /**
   * Validates the request fields. With {@code today} set, a publication period that has already
   * ended is refused too (when a reporter signs); without it, only the form itself is checked.
   */
  public RequestFields validate(Map<String, Object> variables, LocalDate today) {
    FieldReader in = reader(variables);
    String unit = in.unit(UNIT, municipality.unitIds());
    String title = in.line(TITLE, true, TITLE_MAX);
    String details = in.text(DETAILS, true, DETAILS_MAX);
    String category = in.oneOf(CATEGORY, Arrays.stream(Category.values()).map(c -> c.id).toList());
    String oitItem = in.line(OIT_ITEM, false, 8);
    // The indicators of the fiscal year the reporter signs in; a later step only compares fields.
    if (oitItem != null
        && today != null
        && municipality.oitItemsOn(today).stream().noneMatch(i -> i.code().equals(oitItem))) {
      throw in.invalid(
          OIT_ITEM, "ไม่พบตัวชี้วัด '" + oitItem + "' ในปีประเมินนี้ (unknown OIT item)");
    }
    String externalUrl = in.line(EXTERNAL_URL, false, URL_MAX);
    if (externalUrl != null) {
      checkUrl(in, externalUrl);
    }
    String remarks = in.text(REMARKS, false, REMARKS_MAX);
    LocalDate from = in.date(PUBLISH_FROM, ThaiDates.BANGKOK);
    LocalDate until = in.date(PUBLISH_UNTIL, ThaiDates.BANGKOK);
    if (from != null && until != null && until.isBefore(from)) {
      throw in.invalid(
          PUBLISH_UNTIL, "ต้องไม่ก่อนวันที่เริ่มเผยแพร่ (must not be before publishFrom)");
    }
    if (today != null && until != null && until.isBefore(today)) {
      throw in.invalid(PUBLISH_UNTIL, "ต้องไม่เป็นวันที่ที่ผ่านมาแล้ว (must not be in the past)");
    }
    boolean urgent = in.bool(URGENT, false);
    return new RequestFields(
        unit, title, details, category, oitItem, externalUrl, remarks, from, until, urgent);
  }

  private static void checkUrl(FieldReader in, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw in.invalid(EXTERNAL_URL, "รูปแบบ URL ไม่ถูกต้อง (malformed URL)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw in.invalid(
          EXTERNAL_URL, "ต้องขึ้นต้นด้วย http:// หรือ https:// เท่านั้น (http or https only)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw in.invalid(EXTERNAL_URL, "ต้องระบุชื่อเว็บไซต์ปลายทาง (host required)");
    }
  }
}
