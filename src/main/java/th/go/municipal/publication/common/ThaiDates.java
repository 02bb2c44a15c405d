package th.go.municipal.publication.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.ThaiBuddhistDate;

/** Dates as Thai people read them: Buddhist Era, Thai month abbreviations, Bangkok time. */
public final class ThaiDates {

  public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  private static final String[] MONTHS = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
    "ธ.ค."
  };

  private static final String[] FULL_MONTHS = {
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม"
  };

  private ThaiDates() {}

  /** "25 พฤศจิกายน 2569", as official documents write a date. */
  public static String longDate(LocalDate date) {
    int buddhistYear = ThaiBuddhistDate.from(date).get(java.time.temporal.ChronoField.YEAR_OF_ERA);
    return date.getDayOfMonth() + " " + FULL_MONTHS[date.getMonthValue() - 1] + " " + buddhistYear;
  }

  /** The text with its digits 0–9 written as Thai digits ๐–๙. */
  public static String thaiDigits(String text) {
    StringBuilder thai = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      thai.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
    }
    return thai.toString();
  }

  /** "25 พ.ย. 2569 14:03 น." */
  public static String dateTime(Instant instant) {
    ZonedDateTime t = instant.atZone(BANGKOK);
    return date(t.toLocalDate()) + String.format(" %02d:%02d น.", t.getHour(), t.getMinute());
  }

  /** "25 พ.ย. 2569" */
  public static String date(LocalDate date) {
    int buddhistYear = ThaiBuddhistDate.from(date).get(java.time.temporal.ChronoField.YEAR_OF_ERA);
    return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + buddhistYear;
  }

  /** The Thai fiscal year (1 October – 30 September) named by the Buddhist year it ends in. */
  public static int fiscalYear(LocalDate date) {
    int endingYear = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    return endingYear + 543;
  }
}
