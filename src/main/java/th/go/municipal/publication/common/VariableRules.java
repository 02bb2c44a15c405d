package th.go.municipal.publication.common;

/**
 * Which variables of one process people may set, when they start it or complete one of its tasks;
 * every other variable of that process is the service's own. The engine holds people to these rules
 * at the moment a variable is set, whatever client they use ({@code config.VariableGuard}).
 */
public interface VariableRules {

  /** The key of the process these rules are for. */
  String processKey();

  /** Whether people may send this variable (a field of a form, a decision). */
  boolean peopleMaySet(String name);

  /**
   * The variable the engine sets to whoever starts the process ({@code camunda:initiator}), which
   * people may never set to anyone else; {@code null} if the process has none.
   */
  default String starterVariable() {
    return null;
  }

  /** Whether the variable is a slot for a file that people attach. */
  default boolean isFileSlot(String name) {
    return false;
  }

  /**
   * Checks a file that people put into a file slot (its kind judged by its content, its size) and
   * refuses a bad one with {@link InputRejectedException}.
   */
  default void checkFile(String name, String fileName, byte[] content) {}
}
