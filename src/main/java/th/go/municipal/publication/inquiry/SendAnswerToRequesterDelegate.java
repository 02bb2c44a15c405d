package th.go.municipal.publication.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** E-mails the answer to the requester; a failing mail server fails the job, which is retried. */
@Component("sendAnswerToRequester")
class SendAnswerToRequesterDelegate implements JavaDelegate {

  private final InquiryService inquiries;

  SendAnswerToRequesterDelegate(InquiryService inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inquiries.sendAnswer(execution.getProcessBusinessKey());
  }
}
