package th.go.municipal.publication.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.CompletedTasks;
import th.go.municipal.publication.identity.CurrentUser;

/** When the head reports or the mayor acknowledges: check and record it, with the signer. */
@Component("signIncidentStep")
class SignIncidentStepListener implements TaskListener {

  private final IncidentService incidents;
  private final IncidentVariableRules rules;

  SignIncidentStepListener(IncidentService incidents, IncidentVariableRules rules) {
    this.incidents = incidents;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = CurrentUser.id(task.getProcessEngineServices());
    rules.checkCompletion(task.getVariablesLocalTyped(), task.getVariablesTyped());
    switch (task.getTaskDefinitionKey()) {
      case IncidentVariables.REPORT_INCIDENT ->
          CompletedTasks.executionOf(task)
              .setVariable(
                  IncidentVariables.REPORTER_SIGNATURE,
                  incidents.report(user, task.getProcessInstanceId(), task.getVariables()));
      case IncidentVariables.ACKNOWLEDGE_INCIDENT ->
          CompletedTasks.executionOf(task)
              .setVariable(
                  IncidentVariables.MAYOR_SIGNATURE,
                  incidents.acknowledge(user, task.getProcessInstanceId(), task.getVariables()));
      default ->
          throw new IllegalStateException(
              "signIncidentStep is not wired for " + task.getTaskDefinitionKey());
    }
  }
}
