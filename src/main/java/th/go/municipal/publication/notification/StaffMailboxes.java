package th.go.municipal.publication.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The e-mail addresses of the members of staff groups, read from the engine's identity service
 * under its authorization checks: every staff group may read users (granted by the identity seeder)
 * and the job executor, which sends most notices, runs as nobody and is not checked.
 */
@Service
public class StaffMailboxes {

  private final IdentityService identityService;

  StaffMailboxes(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The person's address, if they have one. */
  public Optional<String> addressOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || user.getEmail() == null || user.getEmail().isBlank()
        ? Optional.empty()
        : Optional.of(user.getEmail().strip());
  }

  /**
   * Distinct addresses of the members of the groups, in group order; members without one are
   * skipped. None at all is a set-up fault, not a notice nobody needs: it fails the step, so that
   * it shows as an incident in Cockpit until someone adds an address.
   */
  public List<String> addressesOf(Collection<String> groups) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groups) {
      for (User user :
          identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail().strip());
        }
      }
    }
    if (addresses.isEmpty()) {
      String names = String.join(", ", groups);
      throw new IllegalStateException(
          "ไม่มีสมาชิกของกลุ่ม "
              + names
              + " ที่มีอีเมล: เพิ่มอีเมลใน Admin แล้วสั่งทำงานนี้ใหม่ใน Cockpit (no member of "
              + names
              + " has an e-mail address: add one in Admin, then retry the job in Cockpit)");
    }
    return List.copyOf(addresses);
  }
}
