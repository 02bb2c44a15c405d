package th.go.municipal.publication.inquiry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * Checks a feedback form field by field and gives every problem at once, each with a Thai message
 * naming the field ("อีเมล (email): ..."), so the form can show each error beside its field.
 */
@Component
class InquiryValidator {

  static final int SUBJECT_MAX = 200;
  static final int MESSAGE_MAX = 5000;
  static final int NAME_MAX = 200;
  static final int EMAIL_MAX = 254;
  static final int PHONE_MAX = 20;

  static final Map<String, String> LABELS =
      Map.of(
          "kind", "ประเภทเรื่อง",
          "unit", "หน่วยงานที่เกี่ยวข้อง",
          "subject", "เรื่อง",
          "message", "รายละเอียด",
          "name", "ชื่อ-นามสกุล",
          "email", "อีเมล",
          "phone", "หมายเลขโทรศัพท์",
          "consent", "ความยินยอม");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("[0-9๐-๙+()\\s-]+");

  /** The fields when valid, else the message for each field at fault, in the form's order. */
  record Result(InquiryFields fields, Map<String, String> errors) {}

  private final MunicipalityProperties municipality;
  private final InquiryProperties properties;

  InquiryValidator(MunicipalityProperties municipality, InquiryProperties properties) {
    this.municipality = municipality;
    this.properties = properties;
  }

  /** The choices of the unit field: the configured units, then "not sure". */
  List<String> unitChoices() {
    List<String> choices =
        new ArrayList<>(
            municipality.getUnits().stream().map(MunicipalityProperties.Unit::id).toList());
    choices.add(InquiryForm.UNSURE_UNIT);
    return choices;
  }

  Result validate(InquiryForm form) {
    FieldReader in = new FieldReader(form.values(), LABELS);
    Map<String, String> errors = new LinkedHashMap<>();
    String kind = read(errors, "kind", field -> choice(in, field, InquiryKind.codes()));
    String unit = read(errors, "unit", field -> choice(in, field, unitChoices()));
    String subject = read(errors, "subject", field -> in.line(field, true, SUBJECT_MAX));
    String message = read(errors, "message", field -> in.text(field, true, MESSAGE_MAX));
    String name = read(errors, "name", field -> in.line(field, true, NAME_MAX));
    String email =
        read(
            errors,
            "email",
            field -> {
              String value = in.line(field, true, EMAIL_MAX);
              if (!EMAIL.matcher(value).matches()) {
                throw in.invalid(
                    field,
                    "รูปแบบอีเมลไม่ถูกต้อง เช่น somchai@example.com (not an e-mail address)");
              }
              return value;
            });
    String phone =
        read(
            errors,
            "phone",
            field -> {
              String value = in.line(field, false, PHONE_MAX);
              if (value != null
                  && (!PHONE.matcher(value).matches()
                      || value.replaceAll("[^0-9๐-๙]", "").length() < 9)) {
                throw in.invalid(
                    field,
                    "ต้องเป็นหมายเลขโทรศัพท์อย่างน้อย 9 หลัก เช่น 081-234-5678 (not a phone number)");
              }
              return value;
            });
    read(
        errors,
        "consent",
        field -> {
          if (!"true".equals(form.getConsent())) {
            throw in.invalid(
                field,
                "กรุณาให้ความยินยอมในการเก็บและใช้ข้อมูลส่วนบุคคลเพื่อตอบเรื่องของท่าน"
                    + " (consent required)");
          }
          return null;
        });
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    String resolvedUnit = InquiryForm.UNSURE_UNIT.equals(unit) ? properties.getDefaultUnit() : unit;
    return new Result(
        new InquiryFields(
            InquiryKind.of(kind).orElseThrow(), resolvedUnit, subject, message, name, email, phone),
        Map.of());
  }

  private static String choice(FieldReader in, String field, List<String> allowed) {
    String value = in.line(field, false, 64);
    if (value == null) {
      throw in.invalid(field, "กรุณาเลือก (required)");
    }
    if (!allowed.contains(value)) {
      throw in.invalid(field, "กรุณาเลือกจากรายการ (not one of the choices)");
    }
    return value;
  }

  private static String read(
      Map<String, String> errors, String field, Function<String, String> reader) {
    try {
      return reader.apply(field);
    } catch (InputRejectedException e) {
      errors.put(field, e.getMessage());
      return null;
    }
  }
}
