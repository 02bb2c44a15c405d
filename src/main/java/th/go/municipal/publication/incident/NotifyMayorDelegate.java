package th.go.municipal.publication.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the head's report to the mayor by e-mail at once; a failure is retried, then an incident.
 */
@Component("notifyMayor")
class NotifyMayorDelegate implements JavaDelegate {

  private final IncidentService incidents;

  NotifyMayorDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.notifyMayor(execution.getProcessInstanceId());
  }
}
