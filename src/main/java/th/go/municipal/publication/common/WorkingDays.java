package th.go.municipal.publication.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Office days: Monday to Friday, except the public holidays given. */
public final class WorkingDays {

  private final Set<LocalDate> holidays;

  public WorkingDays(Set<LocalDate> holidays) {
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY
        && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /**
   * The {@code n}th working day after {@code from} (the day something arrives does not count: what
   * arrives on Friday with one day to go is due on Monday).
   */
  public LocalDate after(LocalDate from, int n) {
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
