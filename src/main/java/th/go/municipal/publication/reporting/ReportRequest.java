package th.go.municipal.publication.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The period a caller asks for: {@code from} and {@code to} (ISO days), else {@code month}
 * (yyyy-MM), else {@code fiscalYear} (Buddhist era) with an optional {@code quarter} 1–4, else the
 * fiscal year of today. Bad values are refused with the field named.
 */
record ReportRequest(
    String fiscalYear, String quarter, String month, String from, String to, String unit) {

  ReportPeriod period(Clock clock) {
    if (from != null || to != null) {
      return ReportPeriod.days(day("from", from), day("to", to));
    }
    if (month != null) {
      try {
        return ReportPeriod.month(YearMonth.parse(month));
      } catch (DateTimeParseException e) {
        throw InputRejectedException.invalid(
            "month", "เดือน (month): ต้องเป็นรูปแบบ ปปปป-ดด เช่น 2026-11 (yyyy-MM)");
      }
    }
    int year =
        fiscalYear == null
            ? ThaiDates.fiscalYear(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)))
            : number("fiscalYear", fiscalYear, 2500, 2700, "ปีงบประมาณ พ.ศ. เช่น 2570");
    if (quarter == null) {
      return ReportPeriod.fiscalYear(year);
    }
    return ReportPeriod.quarter(year, number("quarter", quarter, 1, 4, "ไตรมาส 1 ถึง 4"));
  }

  String unitOrNull() {
    return unit == null || unit.isBlank() ? null : unit;
  }

  private static LocalDate day(String field, String value) {
    if (value == null) {
      throw InputRejectedException.invalid(
          field, field + ": ต้องระบุทั้ง from และ to (both from and to are required)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw InputRejectedException.invalid(
          field, field + ": ต้องเป็นวันที่รูปแบบ ปปปป-ดด-วว (yyyy-MM-dd, Christian era)");
    }
  }

  private static int number(String field, String value, int min, int max, String hint) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below with the same message
    }
    throw InputRejectedException.invalid(field, field + ": ต้องเป็น" + hint + " (out of range)");
  }
}
