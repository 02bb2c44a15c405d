package th.go.municipal.publication.reporting;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;

/** When a quarterly report starts (timer or by hand): prepare it and give it its number. */
@Component("registerQuarterlyReport")
class RegisterQuarterlyReportListener implements ExecutionListener {

  private final QuarterlyReports reports;

  RegisterQuarterlyReportListener(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> outcome =
        reports.register(
            CurrentUser.id(execution.getProcessEngineServices()),
            execution.getProcessInstanceId(),
            execution.getVariables());
    execution.setProcessBusinessKey((String) outcome.get("reportKey"));
    execution.setVariables(outcome);
  }
}
