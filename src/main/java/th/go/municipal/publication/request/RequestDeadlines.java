package th.go.municipal.publication.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.common.WorkingDays;

/**
 * The due date of each step of a request and when to remind before it, for the model's task due
 * dates and boundary timers (jobs in the database, so they survive restarts). A step is due at the
 * end of the office day, the configured number of working days after the day it arrived; urgent
 * requests have fewer days. Due date and timers are worked out from the same day, so they agree.
 */
@Component("requestDeadlines")
public class RequestDeadlines {

  private final DeadlineProperties properties;
  private final WorkingDays workingDays;
  private final Clock clock;

  RequestDeadlines(DeadlineProperties properties, Clock clock) {
    this.properties = properties;
    this.workingDays = new WorkingDays(new HashSet<>(properties.getHolidays()));
    this.clock = clock;
    for (String step :
        new String[] {
          RequestVariables.PREPARE_REQUEST,
          RequestVariables.APPROVE_REQUEST,
          RequestVariables.PUBLISH_REQUEST
        }) {
      if (!properties.getSteps().containsKey(step)) {
        throw new IllegalStateException("publication.deadlines.steps." + step + " is not set");
      }
    }
  }

  public Date dueAt(DelegateExecution execution, String step) {
    return Date.from(
        due(step, Boolean.TRUE.equals(execution.getVariable(RequestVariables.URGENT))));
  }

  public Date reminderAt(DelegateExecution execution, String step) {
    Instant due = due(step, Boolean.TRUE.equals(execution.getVariable(RequestVariables.URGENT)));
    Instant remind = due.minus(step(step).getRemindBefore());
    Instant now = clock.instant();
    return Date.from(remind.isBefore(now) ? now : remind);
  }

  /** A step arriving now is due at the end of the office day that many working days on. */
  Instant due(String step, boolean urgent) {
    DeadlineProperties.Step config = step(step);
    LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    LocalDate lastDay =
        workingDays.after(today, urgent ? config.getUrgentWorkingDays() : config.getWorkingDays());
    return lastDay.atTime(properties.getEndOfDay()).atZone(ThaiDates.BANGKOK).toInstant();
  }

  DeadlineProperties.Step step(String step) {
    DeadlineProperties.Step config = properties.getSteps().get(step);
    if (config == null) {
      throw new IllegalArgumentException("no deadline configured for step " + step);
    }
    return config;
  }
}
