package th.go.municipal.publication.publishing;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.request.PublicationRequests;

/**
 * When a published item comes down: at the start of the day after publishUntil, Bangkok time, as
 * the request was approved. Used by the model's gateway and timer, so the timer is a job in the
 * database and survives restarts.
 */
@Component("publicationPeriod")
public class PublicationPeriod {

  private final PublicationRequests requests;

  PublicationPeriod(PublicationRequests requests) {
    this.requests = requests;
  }

  public boolean hasEnd(DelegateExecution execution) {
    return until(execution) != null;
  }

  public Date takeDownAt(DelegateExecution execution) {
    return Date.from(until(execution).plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant());
  }

  private LocalDate until(DelegateExecution execution) {
    return requests.publishUntil(execution.getProcessBusinessKey()).orElse(null);
  }
}
