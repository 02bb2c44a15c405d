package th.go.municipal.publication.request;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.CompletedTasks;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.CurrentUser;

/** When a step is completed: check and record the signer's signature for that step. */
@Component("signStep")
class SignStepListener implements TaskListener {

  private final RequestService requests;
  private final RequestVariableRules rules;
  private final AuditService audit;

  SignStepListener(RequestService requests, RequestVariableRules rules, AuditService audit) {
    this.requests = requests;
    this.rules = rules;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = CompletedTasks.executionOf(task);
    String user = CurrentUser.id(task.getProcessEngineServices());
    String businessKey = execution.getProcessBusinessKey();
    RequestService.StepOutcome outcome;
    try {
      // Nothing local may shadow what is signed; files only in their slots.
      rules.checkCompletion(task.getVariablesLocalTyped(), task.getVariablesTyped());
      outcome =
          sign(
              task,
              user,
              businessKey,
              task.getVariables(),
              AttachmentVariables.read(task),
              arrivedAt(task));
    } catch (InputRejectedException refused) {
      if (refused.isLostRace()) {
        // Another person signed this step a moment earlier: theirs is the step's entry.
        throw refused;
      }
      // Separation of duties, another unit's request, a refused signature: kept in the trail
      // although the step itself is rolled back.
      audit.recordRefusal(
          new AuditRecord(
              businessKey,
              task.getProcessInstanceId(),
              user == null ? "anonymous" : user,
              "staff",
              "refuse:" + task.getTaskDefinitionKey(),
              refused.getReason().name().toLowerCase(),
              refused.getMessage().substring(0, Math.min(2000, refused.getMessage().length()))));
      throw refused;
    }
    apply(execution.getProcessInstance(), outcome);
  }

  /**
   * Writes only what the step changed: the engine writes a runtime update and a history detail for
   * every variable set, even to the value it already has, and a removal of an absent variable still
   * looks it up.
   */
  private static void apply(DelegateExecution instance, RequestService.StepOutcome outcome) {
    Map<String, Object> current = instance.getVariables();
    Map<String, Object> changed = new HashMap<>();
    outcome
        .variablesToSet()
        .forEach(
            (name, value) -> {
              if (!current.containsKey(name) || !Objects.equals(current.get(name), value)) {
                changed.put(name, value);
              }
            });
    instance.setVariables(changed);
    instance.removeVariables(
        outcome.variablesToRemove().stream().filter(current::containsKey).toList());
  }

  private RequestService.StepOutcome sign(
      DelegateTask task,
      String user,
      String businessKey,
      Map<String, Object> variables,
      List<IncomingFile> files,
      Instant arrivedAt) {
    return switch (task.getTaskDefinitionKey()) {
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
  }

  /** When the task arrived, for how long the step took. */
  private static Instant arrivedAt(DelegateTask task) {
    return task.getCreateTime() == null ? null : task.getCreateTime().toInstant();
  }
}
