package th.go.municipal.publication.inquiry;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The deadline of an information request and when to remind the unit before it, read from the
 * stored request for the model's task due date and timers (jobs in the database, so they survive
 * restarts). The reminder comes {@code publication.inquiry.reminder-before} ahead of the deadline.
 */
@Component("inquiryDeadlines")
public class InquiryDeadlines {

  private final InquiryService inquiries;
  private final InquiryProperties properties;

  InquiryDeadlines(InquiryService inquiries, InquiryProperties properties) {
    this.inquiries = inquiries;
    this.properties = properties;
  }

  public Date dueAt(DelegateExecution execution) {
    return Date.from(inquiries.dueAtOf(execution.getProcessBusinessKey()));
  }

  public Date reminderAt(DelegateExecution execution) {
    return Date.from(
        inquiries.dueAtOf(execution.getProcessBusinessKey()).minus(properties.getReminderBefore()));
  }
}
