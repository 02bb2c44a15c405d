package th.go.municipal.publication.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;

/**
 * The e-mail addresses of the members of staff groups, read from the engine's identity service
 * without authorization checks: whom a process step notifies is a fact of the process, not of
 * whoever happens to run it.
 */
@Service
public class StaffMailboxes {

  private final IdentityService identityService;

  StaffMailboxes(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * Distinct addresses of the members of the groups, in group order; members without one are
   * skipped.
   */
  public List<String> ofGroups(Collection<String> groups) {
    CommandContext inEngine = Context.getCommandContext();
    return inEngine == null ? read(groups) : inEngine.runWithoutAuthorization(() -> read(groups));
  }

  private List<String> read(Collection<String> groups) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groups) {
      for (User user :
          identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail().strip());
        }
      }
    }
    return List.copyOf(addresses);
  }
}
