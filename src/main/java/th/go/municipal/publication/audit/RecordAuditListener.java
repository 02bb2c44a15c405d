package th.go.municipal.publication.audit;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.CompletedTasks;
import th.go.municipal.publication.identity.CurrentUser;

/**
 * Records every completed step (who, role, action, decision, comment) and every end state of a
 * process in the audit trail, in the engine's transaction, with the unit of the process (its
 * variable {@code unit}, which all three models carry) so that the trail is found by unit. What a
 * step's role is and which variables hold its decision and comment, the model says, as properties
 * of the user task: {@code audit.role}, {@code audit.decision}, {@code audit.comment}.
 */
@Component("recordAudit")
class RecordAuditListener implements TaskListener, ExecutionListener {

  static final String ROLE = "audit.role";
  static final String DECISION = "audit.decision";
  static final String COMMENT = "audit.comment";
  static final String UNIT_VARIABLE = "unit";

  private final AuditService audit;

  RecordAuditListener(AuditService audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> step = properties(task.getBpmnModelElementInstance());
    audit.record(
        new AuditRecord(
                CompletedTasks.executionOf(task).getProcessBusinessKey(),
                task.getProcessInstanceId(),
                AuditRecord.actor(CurrentUser.id(task.getProcessEngineServices())),
                step.getOrDefault(ROLE, "staff"),
                task.getTaskDefinitionKey(),
                text(task, step.get(DECISION)),
                text(task, step.get(COMMENT)))
            .withUnit(text(task, UNIT_VARIABLE)));
  }

  @Override
  public void notify(DelegateExecution execution) {
    audit.record(
        new AuditRecord(
                execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(),
                AuditRecord.actor(CurrentUser.id(execution.getProcessEngineServices())),
                AuditRecord.SYSTEM,
                execution.getCurrentActivityId(),
                null,
                null)
            .withUnit(text(execution.getVariable(UNIT_VARIABLE))));
  }

  private static Map<String, String> properties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    if (element != null && element.getExtensionElements() != null) {
      for (CamundaProperties group :
          element
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaProperties.class)
              .list()) {
        for (CamundaProperty property : group.getCamundaProperties()) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }

  private static String text(DelegateTask task, String variable) {
    return variable == null ? null : text(task.getVariable(variable));
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
