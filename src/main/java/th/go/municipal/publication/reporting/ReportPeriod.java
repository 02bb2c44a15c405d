package th.go.municipal.publication.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The days a report covers, first and last included, and how people name them: a fiscal year
 * (October to September, Buddhist era), one of its quarters, a month, or any days.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

  private static final String[] MONTHS = {
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

  /** The longest period one report covers; a longer one is refused. */
  static final int MAX_DAYS = 3 * 366;

  public ReportPeriod {
    if (to.isBefore(from)) {
      throw InputRejectedException.invalid(
          "to", "วันที่สิ้นสุด (to): ต้องไม่ก่อนวันที่เริ่มต้น (to is before from)");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw InputRejectedException.invalid(
          "to", "ช่วงเวลา (from/to): ยาวได้ไม่เกิน 3 ปี (at most three years)");
    }
  }

  /** Fiscal year 2570: 1 October 2026 (2569 BE) to 30 September 2027. */
  public static ReportPeriod fiscalYear(int buddhistYear) {
    int ending = buddhistYear - 543;
    return new ReportPeriod(
        LocalDate.of(ending - 1, 10, 1),
        LocalDate.of(ending, 9, 30),
        "ปีงบประมาณ พ.ศ. " + buddhistYear);
  }

  /** Quarter 1 of fiscal 2570 is October to December 2026; quarter 4 is July to September 2027. */
  public static ReportPeriod quarter(int buddhistYear, int quarter) {
    LocalDate start = LocalDate.of(buddhistYear - 543 - 1, 10, 1).plusMonths(3L * (quarter - 1));
    return new ReportPeriod(
        start,
        start.plusMonths(3).minusDays(1),
        "ไตรมาสที่ " + quarter + " ปีงบประมาณ พ.ศ. " + buddhistYear);
  }

  public static ReportPeriod month(YearMonth month) {
    return new ReportPeriod(
        month.atDay(1),
        month.atEndOfMonth(),
        MONTHS[month.getMonthValue() - 1] + " พ.ศ. " + (month.getYear() + 543));
  }

  public static ReportPeriod days(LocalDate from, LocalDate to) {
    return new ReportPeriod(from, to, ThaiDates.date(from) + " – " + ThaiDates.date(to));
  }

  /**
   * The fiscal quarter that ended most recently before the day (on 1 January: October–December).
   */
  public static ReportPeriod quarterBefore(LocalDate day) {
    LocalDate lastDay = day.withDayOfMonth(1).minusDays(1);
    while (lastDay.getMonthValue() % 3 != 0) {
      lastDay = lastDay.withDayOfMonth(1).minusDays(1);
    }
    int fiscalYear = ThaiDates.fiscalYear(lastDay);
    int quarter = (lastDay.getMonthValue() + 2) / 3 % 4 + 1;
    return quarter(fiscalYear, quarter);
  }

  /** The fiscal year the period starts in, Buddhist era. */
  public int fiscalYear() {
    return ThaiDates.fiscalYear(from);
  }

  /** The calendar months the period touches, first to last. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** "ต.ค. 69": a month as a chart names it. */
  public static String shortMonth(YearMonth month) {
    String full = ThaiDates.date(month.atDay(1));
    String[] parts = full.split(" ");
    return parts[1] + " " + parts[2].substring(2);
  }
}
