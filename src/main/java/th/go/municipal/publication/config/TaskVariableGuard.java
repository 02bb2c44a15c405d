package th.go.municipal.publication.config;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * Refuses a task-local variable the moment it is set on a task, by anyone (only administrators can,
 * through the REST API or Cockpit): a local {@code unit} or {@code headDecision} would shadow the
 * process variable a step signs and the model routes on. No task of this service has local
 * variables. The engine reports every change to a task's local variables as the task's update
 * event, which the Camunda starter publishes as a Spring event in the engine's transaction ({@code
 * camunda.bpm.eventing.task}); the refusal rolls the change back.
 */
@Component
class TaskVariableGuard {

  @EventListener
  void onTaskEvent(DelegateTask task) {
    if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())
        && !task.getVariableNamesLocal().isEmpty()) {
      throw VariableRules.localRefused(task.getVariableNamesLocal().iterator().next());
    }
  }
}
