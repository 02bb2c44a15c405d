package th.go.municipal.publication.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the report of the quarter that just ended, as no user: the schedule's timer runs it, and
 * {@link QuarterlyReports#register} takes the last quarter when no period is given.
 */
@Component("startQuarterlyReport")
class StartQuarterlyReportDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .startProcessInstanceByKey(QuarterlyReports.PROCESS_KEY);
  }
}
