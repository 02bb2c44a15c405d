package th.go.municipal.publication.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts every operation a person makes through the engine into the audit chain, in the engine's
 * transaction: users, groups, memberships and authorizations changed in Admin, deployments,
 * incidents resolved and jobs retried in Cockpit, claims, assignments and variables changed in
 * Tasklist or through the REST API.
 *
 * <p>The engine's user operation log already names each one. The Camunda Spring Boot starter
 * publishes every history event as a Spring event as it is written ({@code
 * camunda.bpm.eventing.history}, on by default), so this listener receives each log entry through
 * the public {@link UserOperationLogEntry} interface, with no engine-internal class: a history
 * event handler registered by a process engine plugin would need four of them. The alternative with
 * the public query API alone, reading {@code HistoryService.createUserOperationLogQuery()} on a
 * schedule, was not taken: the entries would reach the chain later and in another transaction, and
 * an entry deleted in between (by history cleanup, or through the REST API by an administrator)
 * would never reach it. One operation (a job retried for several instances, a user changed) writes
 * several entries with the same operation id; they are gathered until the transaction commits and
 * chained as one audit entry, or not at all if it rolls back.
 */
@Component
class EngineOperationRecorder {

  private static final int COMMENT_MAX = 2000;

  private final AuditService audit;

  EngineOperationRecorder(AuditService audit) {
    this.audit = audit;
  }

  @EventListener
  void onOperation(UserOperationLogEntry change) {
    pendingInThisTransaction()
        .changes
        .computeIfAbsent(change.getOperationId(), id -> new ArrayList<>())
        .add(change);
  }

  /** The operations of the current transaction, gathered by its own synchronization. */
  private PendingOperations pendingInThisTransaction() {
    // The engine runs every command in a Spring transaction here; without one nothing could be
    // chained in the same transaction as the operation, so that is an error, not a skip.
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "An engine operation outside a transaction cannot be audited");
    }
    return TransactionWork.find(PendingOperations.class, pending -> pending.recorder() == this)
        .orElseGet(
            () -> {
              PendingOperations pending = new PendingOperations();
              TransactionSynchronizationManager.registerSynchronization(pending);
              // The audit chain's own synchronization must be registered before the commit
              // begins, or the entries recorded from this one's would never be chained.
              audit.openChain();
              return pending;
            });
  }

  /** Operations gathered in one transaction by operation id, chained just before it commits. */
  private final class PendingOperations implements TransactionSynchronization {

    final Map<String, List<UserOperationLogEntry>> changes = new LinkedHashMap<>();

    EngineOperationRecorder recorder() {
      return EngineOperationRecorder.this;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      changes.values().forEach(EngineOperationRecorder.this::record);
      changes.clear();
    }
  }

  private void record(List<UserOperationLogEntry> changes) {
    UserOperationLogEntry first = changes.get(0);
    String action = first.getEntityType() + "." + first.getOperationType();
    String properties =
        changes.stream()
            .filter(c -> c.getProperty() != null)
            .map(c -> c.getProperty() + ": " + c.getOrgValue() + " → " + c.getNewValue())
            .collect(Collectors.joining("; "));
    audit.record(
        new AuditRecord(
            null,
            first.getProcessInstanceId(),
            AuditRecord.actor(first.getUserId()),
            "operator",
            action.length() > 64 ? action.substring(0, 64) : action,
            null,
            properties.isEmpty()
                ? null
                : properties.substring(0, Math.min(COMMENT_MAX, properties.length()))));
  }
}
