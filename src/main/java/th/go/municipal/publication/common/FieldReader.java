package th.go.municipal.publication.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

/**
 * Reads typed values out of process variables and refuses bad ones with a Thai message that names
 * the field as people know it and as the contract spells it: "หัวข้อเรื่อง (title): ...".
 */
public final class FieldReader {

  private final Map<String, Object> values;
  private final Map<String, String> labels;

  public FieldReader(Map<String, Object> values, Map<String, String> labels) {
    this.values = values;
    this.labels = labels;
  }

  public InputRejectedException invalid(String field, String problem) {
    return InputRejectedException.invalid(
        field, labels.getOrDefault(field, field) + " (" + field + "): " + problem);
  }

  /**
   * Trimmed text, null when absent or blank; refuses non-text, control characters and overlong
   * text.
   */
  public String text(String field, boolean required, int maxLength) {
    Object value = values.get(field);
    if (value != null && !(value instanceof String)) {
      throw invalid(field, "ต้องเป็นข้อความ (must be text)");
    }
    String text = value == null ? null : ((String) value).strip();
    if (text == null || text.isEmpty()) {
      if (required) {
        throw invalid(field, "กรุณากรอกข้อมูล (required)");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw invalid(field, "ยาวเกิน " + maxLength + " ตัวอักษร (too long)");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw invalid(field, "มีอักขระควบคุมที่ไม่อนุญาต (control characters are not allowed)");
      }
    }
    return text;
  }

  /** Text without line breaks, for titles and names. */
  public String line(String field, boolean required, int maxLength) {
    String text = text(field, required, maxLength);
    if (text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
      throw invalid(field, "ต้องเป็นข้อความบรรทัดเดียว (single line only)");
    }
    return text;
  }

  public boolean bool(String field, boolean defaultValue) {
    Object value = values.get(field);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean((String) value);
    }
    throw invalid(field, "ต้องเป็นค่าจริงหรือเท็จ (must be true or false)");
  }

  /** A calendar date as yyyy-MM-dd text (what an HTML date input sends) or a Date variable. */
  public LocalDate date(String field, ZoneId zone) {
    Object value = values.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof String s) {
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw invalid(
            field,
            "รูปแบบวันที่ต้องเป็น ปปปป-ดด-วว แบบคริสต์ศักราช เช่น 2026-11-25 (date must be yyyy-MM-dd)");
      }
    }
    throw invalid(field, "ต้องเป็นวันที่ (must be a date)");
  }

  /** A date and time as yyyy-MM-ddTHH:mm text (an HTML datetime-local input) or a Date variable. */
  public LocalDateTime dateTime(String field, boolean required, ZoneId zone) {
    Object value = values.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw invalid(field, "กรุณากรอกวันและเวลา (required)");
      }
      return null;
    }
    if (value instanceof Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), zone);
    }
    if (value instanceof String s) {
      try {
        return LocalDateTime.parse(s.strip());
      } catch (DateTimeParseException e) {
        throw invalid(
            field,
            "รูปแบบต้องเป็น ปปปป-ดด-ววTชช:นน เช่น 2026-11-25T14:30 (must be yyyy-MM-ddTHH:mm)");
      }
    }
    throw invalid(field, "ต้องเป็นวันและเวลา (must be a date and time)");
  }

  /** A whole number from 0 up to max, from a number or numeric text. */
  public Long count(String field, boolean required, long max) {
    Object value = values.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw invalid(field, "กรุณากรอกจำนวน (required)");
      }
      return null;
    }
    long n;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      n = ((Number) value).longValue();
    } else if (value instanceof String s && s.strip().matches("\\d{1,12}")) {
      n = Long.parseLong(s.strip());
    } else {
      throw invalid(field, "ต้องเป็นจำนวนเต็มไม่ติดลบ (must be a whole number, 0 or more)");
    }
    if (n < 0 || n > max) {
      throw invalid(field, "ต้องอยู่ระหว่าง 0 ถึง " + max + " (out of range)");
    }
    return n;
  }

  /** The id of one of the municipality's units ({@code known}), which are configuration. */
  public String unit(String field, java.util.Collection<String> known) {
    String unit = line(field, true, 64);
    if (!known.contains(unit)) {
      throw invalid(
          field, "ไม่พบหน่วยงาน '" + unit + "' ในรายชื่อหน่วยงานของเทศบาล (unknown unit)");
    }
    return unit;
  }

  /** One of the allowed values. */
  public String oneOf(String field, java.util.Collection<String> allowed) {
    String value = line(field, true, 64);
    if (!allowed.contains(value)) {
      throw invalid(
          field,
          "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ " + String.join(", ", allowed) + " (must be one of)");
    }
    return value;
  }
}
