package th.go.municipal.publication.inquiry;

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
    CompletedTasks.executionOf(task)
        .setVariables(
            inquiries.answer(
                CurrentUser.id(task.getProcessEngineServices()),
                CompletedTasks.executionOf(task).getProcessBusinessKey(),
                task.getVariables()));
  }
}
