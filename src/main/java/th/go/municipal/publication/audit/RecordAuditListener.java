package th.go.municipal.publication.audit;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;

/**
 * Records every completed step (who, role, action, decision, comment) and every end state of a
 * process in the audit trail, in the engine's transaction.
 */
@Component("recordAudit")
class RecordAuditListener implements TaskListener, ExecutionListener {

  /** Per task: the role that completes it, and the variables holding its decision and comment. */
  private record Step(String role, String decisionVariable, String commentVariable) {}

  private static final Map<String, Step> STEPS =
      Map.of(
          "prepareRequest", new Step("reporter", "reporterConfirmed", null),
          "approveRequest", new Step("head", "headDecision", "headComment"),
          "publishRequest", new Step("webmaster", "webmasterDecision", "webmasterComment"),
          "reportIncident", new Step("head", null, null),
          "acknowledgeIncident", new Step("mayor", null, "mayorComment"),
          "answerInformationRequest", new Step("unit", "answerChannel", null));

  private final AuditService audit;

  RecordAuditListener(AuditService audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    Step step = STEPS.getOrDefault(task.getTaskDefinitionKey(), new Step("staff", null, null));
    audit.record(
        new AuditRecord(
            task.getExecution().getProcessBusinessKey(),
            task.getProcessInstanceId(),
            actor(CurrentUser.id(task.getProcessEngineServices())),
            step.role(),
            task.getTaskDefinitionKey(),
            text(task, step.decisionVariable()),
            text(task, step.commentVariable())));
  }

  @Override
  public void notify(DelegateExecution execution) {
    audit.record(
        new AuditRecord(
            execution.getProcessBusinessKey(),
            execution.getProcessInstanceId(),
            actor(CurrentUser.id(execution.getProcessEngineServices())),
            "system",
            execution.getCurrentActivityId(),
            null,
            null));
  }

  private static String actor(String userId) {
    return userId == null ? "system" : userId;
  }

  private static String text(DelegateTask task, String variable) {
    Object value = variable == null ? null : task.getVariable(variable);
    return value == null ? null : String.valueOf(value);
  }
}
