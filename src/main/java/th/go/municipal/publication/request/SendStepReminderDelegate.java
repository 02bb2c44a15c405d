package th.go.municipal.publication.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds whoever holds a step (its input {@code step}) that its due date approaches. */
@Component("sendStepReminder")
class SendStepReminderDelegate implements JavaDelegate {

  private final StepAlerts alerts;

  SendStepReminderDelegate(StepAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    alerts.remind(
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        (String) execution.getVariableLocal("step"));
  }
}
