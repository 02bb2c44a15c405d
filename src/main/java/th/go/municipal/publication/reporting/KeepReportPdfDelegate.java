package th.go.municipal.publication.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps the acknowledged quarterly report as a PDF in Thai. */
@Component("keepReportPdf")
class KeepReportPdfDelegate implements JavaDelegate {

  private final QuarterlyReports reports;

  KeepReportPdfDelegate(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.keepPdf(execution.getProcessBusinessKey());
  }
}
