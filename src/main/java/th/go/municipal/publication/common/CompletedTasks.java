package th.go.municipal.publication.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What a task's completion listeners read of the process the task belongs to. */
public final class CompletedTasks {

  private CompletedTasks() {}

  /**
   * The task's execution. There is none when someone else completed the same task between the
   * moment this completion read the task and the moment it reads the execution: the process has
   * moved on, and this person lost the race (409), which is no fault of theirs nor of the service.
   */
  public static DelegateExecution executionOf(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      throw InputRejectedException.lostRace(ApiErrors.taskGone().message());
    }
    return execution;
  }
}
