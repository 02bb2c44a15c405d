package th.go.municipal.publication.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the executives and the unit's heads that a request went unanswered past its deadline. */
@Component("escalateOverdueInquiry")
class EscalateOverdueInquiryDelegate implements JavaDelegate {

  private final InquiryService inquiries;

  EscalateOverdueInquiryDelegate(InquiryService inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inquiries.escalate(execution.getProcessBusinessKey());
  }
}
