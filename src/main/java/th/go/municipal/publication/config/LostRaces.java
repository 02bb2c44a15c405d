package th.go.municipal.publication.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;

/**
 * Tells a lost race from a refusal where the engine cannot. When two people complete the same task
 * at once, the loser may have read the task just before the winner's commit and then find its
 * authorizations gone with it: the engine answers that with an {@link AuthorizationException},
 * though the person was allowed a moment earlier. If the task the authorization was missing for no
 * longer exists, the answer is the conflict, not a 403.
 *
 * <p>The loser may also read the task before the winner's commit and its execution after it; the
 * engine then trips over the half-gone execution tree (a {@link NullPointerException} inside {@code
 * PvmExecutionImpl}, seen in CI under two Tasklist submits at once). Any failure that would be a
 * server error on a call to {@code .../task/{id}/...} whose task no longer exists is the same lost
 * race, and the loser's transaction was rolled back whole.
 */
@Component
class LostRaces {

  /** The task in the path of the call being answered: Camunda's REST API and the webapps'. */
  private static final Pattern TASK_PATH = Pattern.compile("/task/([^/]+)/");

  private final TaskService taskService;
  private final IdentityService identityService;

  LostRaces(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  Optional<ApiError> lostRace(Throwable failure) {
    return tasksActedOn(failure)
        .filter(taskId -> !exists(taskId))
        .findFirst()
        .map(taskId -> ApiErrors.taskGone());
  }

  /**
   * The tasks whose disappearance would make this failure a lost race: those an authorization was
   * missing for, or, for a failure that would be a server error, the task of the call's path.
   */
  private static Stream<String> tasksActedOn(Throwable failure) {
    AuthorizationException refused = ApiErrors.find(failure, AuthorizationException.class);
    if (refused != null) {
      return refused.getMissingAuthorizations().stream()
          .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
          .map(MissingAuthorization::getResourceId)
          .filter(Objects::nonNull);
    }
    return ApiErrors.translate(failure).status() >= 500 ? taskOfThisCall() : Stream.empty();
  }

  private static Stream<String> taskOfThisCall() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes call)) {
      return Stream.empty();
    }
    Matcher task = TASK_PATH.matcher(call.getRequest().getRequestURI());
    return task.find() ? Stream.of(task.group(1)) : Stream.empty();
  }

  /**
   * Whether the task is there, whoever may see it: the caller's own authorizations would hide a
   * task they may not read, which is a refusal, not a race.
   */
  private boolean exists(String taskId) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return taskService.createTaskQuery().taskId(taskId).count() > 0;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
