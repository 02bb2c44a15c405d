package th.go.municipal.publication.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the unit's heads that a request's deadline approaches. */
@Component("sendInquiryReminder")
class SendInquiryReminderDelegate implements JavaDelegate {

  private final InquiryService inquiries;

  SendInquiryReminderDelegate(InquiryService inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inquiries.remind(execution.getProcessBusinessKey());
  }
}
