package th.go.municipal.publication.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.CompletedTasks;
import th.go.municipal.publication.identity.CurrentUser;

/** When a step of the quarterly report is completed: check it and record its signature. */
@Component("signReportStep")
class SignReportStepListener implements TaskListener {

  private final QuarterlyReports reports;

  SignReportStepListener(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = CompletedTasks.executionOf(task);
    execution
        .getProcessInstance()
        .setVariables(
            reports.sign(
                CurrentUser.id(task.getProcessEngineServices()),
                execution.getProcessBusinessKey(),
                task.getTaskDefinitionKey(),
                task.getVariables()));
  }
}
