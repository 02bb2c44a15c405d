package th.go.municipal.publication.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Which variables of one process people may set, and how a file they attach is checked. People
 * write variables only when they start a process or complete one of its tasks (every other way
 * needs UPDATE, which only administrators hold: staff work on tasks with TASK_WORK), so the
 * service's listeners hold them to these rules in the same transaction, before anything reads what
 * was sent: {@link #checkStart} at the start, {@link #checkCompletion} when a task completes.
 * Task-local variables set between times are refused as they are set ({@code
 * config.TaskVariableGuard}).
 */
public interface VariableRules {

  /** Whether people may send this variable when they start the process (a field of its form). */
  boolean peopleMaySetAtStart(String name);

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

  /**
   * At the start, the process holds only what its starter sent (and the engine's initiator): a
   * variable the form does not have, an initiator naming someone else or a file outside the slots
   * is refused.
   */
  default void checkStart(VariableMap sent, String starter) {
    for (String name : sent.keySet()) {
      TypedValue value = sent.getValueTyped(name);
      if (name.equals(starterVariable())) {
        if (!(value instanceof StringValue text) || !text.getValue().equals(starter)) {
          throw InputRejectedException.forbidden(
              "ผู้เริ่มกระบวนงาน ("
                  + name
                  + ") ระบบกำหนดจากผู้ที่เข้าสู่ระบบเท่านั้น"
                  + " (the initiator is always the logged-in user)");
        }
      } else if (value instanceof FileValue && !isFileSlot(name)) {
        throw notAFileSlot(name);
      } else if (!peopleMaySetAtStart(name)) {
        throw setByTheService(name);
      } else if (value instanceof FileValue file) {
        checkFile(name, file.getFilename(), bytes(file));
      }
    }
  }

  /**
   * When a task completes: no task-local variable (it would shadow what the step signs), and files
   * only in the slots.
   */
  default void checkCompletion(VariableMap local, VariableMap all) {
    if (!local.isEmpty()) {
      throw localRefused(local.keySet().iterator().next());
    }
    for (String name : all.keySet()) {
      if (all.getValueTyped(name) instanceof FileValue && !isFileSlot(name)) {
        throw notAFileSlot(name);
      }
    }
  }

  private static byte[] bytes(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the file in " + file.getFilename(), e);
    }
  }

  static InputRejectedException localRefused(String name) {
    return InputRejectedException.forbidden(
        "ตัวแปร '"
            + name
            + "' ตั้งเฉพาะงานไม่ได้ ส่งค่าได้เมื่อเริ่มคำขอหรือเมื่อทำงานให้เสร็จเท่านั้น"
            + " (task-local variables are refused: send values when starting or completing)");
  }

  static InputRejectedException setByTheService(String name) {
    return InputRejectedException.forbidden(
        "ตัวแปร '"
            + name
            + "' กำหนดโดยระบบเท่านั้น ผู้ใช้ส่งค่านี้ไม่ได้ ("
            + name
            + " is set by the service, not by people)");
  }

  static InputRejectedException notAFileSlot(String name) {
    return InputRejectedException.invalid(
        name,
        "รับไฟล์ได้เฉพาะในช่องไฟล์แนบของคำขอเผยแพร่ (attachment1, attachment2, …) ไม่ใช่ในตัวแปร '"
            + name
            + "' (files only in the configured attachment slots)");
  }
}
