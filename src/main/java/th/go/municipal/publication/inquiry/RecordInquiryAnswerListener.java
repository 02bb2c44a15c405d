package th.go.municipal.publication.inquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.CompletedTasks;
import th.go.municipal.publication.identity.CurrentUser;

/**
 * When the unit completes its answer: check it and store it with who answered, or refuse the
 * completion.
 */
@Component("recordInquiryAnswer")
class RecordInquiryAnswerListener implements TaskListener {

  private final InquiryService inquiries;
  private final InquiryVariableRules rules;

  RecordInquiryAnswerListener(InquiryService inquiries, InquiryVariableRules rules) {
    this.inquiries = inquiries;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    rules.checkCompletion(task.getVariablesLocalTyped(), task.getVariablesTyped());
    DelegateExecution execution = CompletedTasks.executionOf(task);
    execution.setVariables(
        inquiries.answer(
            CurrentUser.id(task.getProcessEngineServices()),
            execution.getProcessBusinessKey(),
            task.getVariables()));
  }
}
