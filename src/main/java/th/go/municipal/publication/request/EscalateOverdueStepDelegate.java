package th.go.municipal.publication.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells those who oversee a step (its input {@code step}) that it is past its due date. */
@Component("escalateOverdueStep")
class EscalateOverdueStepDelegate implements JavaDelegate {

  private final StepAlerts alerts;

  EscalateOverdueStepDelegate(StepAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.escalate(
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal("step"));
  }
}
