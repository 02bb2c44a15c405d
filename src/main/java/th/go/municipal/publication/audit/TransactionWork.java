package th.go.municipal.publication.audit;

import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the work a bean gathers in the current transaction, kept by a synchronization of the
 * transaction's own (not a bound resource, which a transaction started inside it, such as a
 * refusal's or a failed job's, would see too).
 */
final class TransactionWork {

  private TransactionWork() {}

  /** The current transaction's synchronization of that type and owner; none outside one. */
  static <T extends TransactionSynchronization> Optional<T> find(
      Class<T> type, Predicate<T> ownedBy) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return Optional.empty();
    }
    return TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(ownedBy)
        .findFirst();
  }
}
