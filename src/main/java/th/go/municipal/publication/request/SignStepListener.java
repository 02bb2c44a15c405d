package th.go.municipal.publication.request;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;

/** When a step is completed: check and record the signer's signature for that step. */
@Component("signStep")
class SignStepListener implements TaskListener {

  private final RequestService requests;

  SignStepListener(RequestService requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String user = CurrentUser.id(task.getProcessEngineServices());
    String businessKey = execution.getProcessBusinessKey();
    var variables = task.getVariables();
    var files = AttachmentVariables.read(task);
    Instant arrivedAt = task.getCreateTime() == null ? null : task.getCreateTime().toInstant();
    RequestService.StepOutcome outcome =
        switch (task.getTaskDefinitionKey()) {
          case RequestVariables.PREPARE_REQUEST ->
              requests.signAsReporter(user, businessKey, variables, files, arrivedAt);
          case RequestVariables.APPROVE_REQUEST ->
              requests.signAsHead(user, businessKey, variables, files, arrivedAt);
          case RequestVariables.PUBLISH_REQUEST ->
              requests.signAsWebmaster(user, businessKey, variables, files, arrivedAt);
          default ->
              throw new IllegalStateException(
                  "signStep is not wired for task " + task.getTaskDefinitionKey());
        };
    execution.getProcessInstance().setVariables(outcome.variablesToSet());
    execution.getProcessInstance().removeVariables(outcome.variablesToRemove());
  }
}
