package th.go.municipal.publication.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts every operation a person makes through the engine into the audit chain, in the engine's
 * transaction: users, groups, memberships and authorizations changed in Admin, deployments,
 * incidents resolved and jobs retried in Cockpit, claims, assignments and variables changed in
 * Tasklist or through the REST API. The engine's user operation log already names each one; a
 * history event handler (the engine's documented extension point for history) receives it as it is
 * written, one operation at a time.
 */
@Component
class EngineOperationRecorder extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private static final int COMMENT_MAX = 2000;

  private final ObjectProvider<AuditService> audit;

  // Lazily: the engine and this plugin are built before the application's repositories.
  EngineOperationRecorder(ObjectProvider<AuditService> audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(this);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    handleEvents(List.of(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (HistoryEvent event : events) {
      if (event instanceof UserOperationLogEntry entry) {
        operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
      }
    }
    operations.values().forEach(this::record);
  }

  private void record(List<UserOperationLogEntry> changes) {
    UserOperationLogEntry first = changes.get(0);
    String action = first.getEntityType() + "." + first.getOperationType();
    String properties =
        changes.stream()
            .filter(c -> c.getProperty() != null)
            .map(c -> c.getProperty() + ": " + c.getOrgValue() + " → " + c.getNewValue())
            .collect(Collectors.joining("; "));
    audit
        .getObject()
        .record(
            new AuditRecord(
                null,
                first.getProcessInstanceId(),
                first.getUserId() == null ? "system" : first.getUserId(),
                "operator",
                action.length() > 64 ? action.substring(0, 64) : action,
                null,
                properties.isEmpty()
                    ? null
                    : properties.substring(0, Math.min(COMMENT_MAX, properties.length()))));
  }
}
