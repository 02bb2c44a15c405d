package th.go.municipal.publication.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;

/** At the start of a request: validate it, give it its request number, store it. */
@Component("registerRequest")
class RegisterRequestDelegate implements ExecutionListener {

  private final RequestService requests;
  private final RequestVariableRules rules;

  RegisterRequestDelegate(RequestService requests, RequestVariableRules rules) {
    this.requests = requests;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String user = CurrentUser.id(execution.getProcessEngineServices());
    // Only what the starter sent is there yet: checked before anything reads it.
    rules.checkStart(execution.getVariablesTyped(), user);
    RequestService.StepOutcome outcome =
        requests.register(
            user,
            execution.getProcessInstanceId(),
            execution.getVariables(),
            AttachmentVariables.read(execution));
    execution.setProcessBusinessKey(outcome.businessKey());
    execution.setVariables(outcome.variablesToSet());
  }
}
