package th.go.municipal.publication.request;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each step of a request may take ({@code publication.deadlines}): working days after the
 * day the task arrives, fewer for urgent requests, due at the end of the office day; who is
 * reminded before and told after.
 */
@ConfigurationProperties(prefix = "publication.deadlines")
public class DeadlineProperties {

  /** When the office day ends, Bangkok time: a step is due at this time of its last day. */
  private LocalTime endOfDay = LocalTime.of(16, 30);

  /** Public holidays (and other days the offices are closed), besides Saturdays and Sundays. */
  private List<LocalDate> holidays = new ArrayList<>();

  /** Per task key: prepareRequest, approveRequest, publishRequest. */
  private Map<String, Step> steps = Map.of();

  /** The deadline of one step and who hears about it. */
  public static class Step {

    private int workingDays = 3;
    private int urgentWorkingDays = 1;

    /** How long before the deadline the one who holds the task is reminded. */
    private Duration remindBefore = Duration.ofHours(4);

    /** Groups told when the deadline passes; {unit} stands for the request's unit. */
    private List<String> escalateTo = new ArrayList<>();

    public int getWorkingDays() {
      return workingDays;
    }

    public void setWorkingDays(int workingDays) {
      this.workingDays = workingDays;
    }

    public int getUrgentWorkingDays() {
      return urgentWorkingDays;
    }

    public void setUrgentWorkingDays(int urgentWorkingDays) {
      this.urgentWorkingDays = urgentWorkingDays;
    }

    public Duration getRemindBefore() {
      return remindBefore;
    }

    public void setRemindBefore(Duration remindBefore) {
      this.remindBefore = remindBefore;
    }

    public List<String> getEscalateTo() {
      return escalateTo;
    }

    public void setEscalateTo(List<String> escalateTo) {
      this.escalateTo = escalateTo;
    }
  }

  public LocalTime getEndOfDay() {
    return endOfDay;
  }

  public void setEndOfDay(LocalTime endOfDay) {
    this.endOfDay = endOfDay;
  }

  public List<LocalDate> getHolidays() {
    return holidays;
  }

  public void setHolidays(List<LocalDate> holidays) {
    this.holidays = holidays;
  }

  public Map<String, Step> getSteps() {
    return steps;
  }

  public void setSteps(Map<String, Step> steps) {
    this.steps = steps;
  }
}
