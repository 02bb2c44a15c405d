package th.go.municipal.publication.identity;

import java.util.Collection;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * The refusals every signed step shares: nobody signs anonymously, and only members of the right
 * group act. Checked in the service that records the step, whatever client called it.
 */
@Component
public class StepGuard {

  private final StaffDirectory staff;

  StepGuard(StaffDirectory staff) {
    this.staff = staff;
  }

  /** The signer, who must be an authenticated user. */
  public String signedIn(String userId) {
    if (userId == null) {
      throw InputRejectedException.forbidden(
          "ต้องเข้าสู่ระบบด้วยบัญชีของตนเองก่อนลงนาม (an authenticated user must sign each step)");
    }
    return userId;
  }

  /** Refuses (403) with {@code message} unless the user is a member of the group. */
  public void requireMember(String userId, String group, String message) {
    if (!staff.isMember(signedIn(userId), group)) {
      throw InputRejectedException.forbidden(message);
    }
  }

  /** Refuses (403) with {@code message} unless the user is a member of one of the groups. */
  public void requireMemberOfAny(String userId, Collection<String> groups, String message) {
    if (staff.groupsOf(signedIn(userId)).stream().noneMatch(groups::contains)) {
      throw InputRejectedException.forbidden(message);
    }
  }
}
