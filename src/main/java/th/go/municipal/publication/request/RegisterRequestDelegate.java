package th.go.municipal.publication.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;

/** At the start of a request: validate it, give it its request number, store it. */
@Component("registerRequest")
class RegisterRequestDelegate implements ExecutionListener {

  private final RequestService requests;

  RegisterRequestDelegate(RequestService requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RequestService.StepOutcome outcome =
        requests.register(
            CurrentUser.id(execution.getProcessEngineServices()),
            execution.getProcessInstanceId(),
            execution.getVariables(),
            AttachmentVariables.read(execution));
    execution.setProcessBusinessKey(outcome.businessKey());
    execution.setVariables(outcome.variablesToSet());
  }
}
