package th.go.municipal.publication.identity;

import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Who a member of staff is: full name, position and groups, read from the engine's identity
 * service. Reads run without authorization checks: a signer's name and groups are facts the process
 * needs whatever the signer may see of the identity tables.
 */
@Service
public class StaffDirectory {

  /** user info key under which a user's position (ตำแหน่ง) is kept */
  public static final String POSITION = "position";

  private final IdentityService identityService;

  public StaffDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** A person as they sign: id, full name and position. */
  public record Signer(String userId, String fullName, String position) {

    /** "สมชาย ใจดี ตำแหน่ง นักประชาสัมพันธ์ · 25 พ.ย. 2569 14:03 น." */
    public String display(java.time.Instant at) {
      return fullName
          + (position.isEmpty() ? "" : " ตำแหน่ง " + position)
          + " · "
          + ThaiDates.dateTime(at);
    }
  }

  public Signer signer(String userId) {
    return unchecked(
        () -> {
          User user = identityService.createUserQuery().userId(userId).singleResult();
          String fullName =
              user == null
                  ? userId
                  : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName()))
                      .trim();
          String position = identityService.getUserInfo(userId, POSITION);
          return new Signer(
              userId, fullName.isEmpty() ? userId : fullName, position == null ? "" : position);
        });
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupsOf(userId).contains(groupId);
  }

  public List<String> groupsOf(String userId) {
    return unchecked(
        () ->
            identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static <T> T unchecked(Callable<T> read) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      return commandContext.runWithoutAuthorization(read);
    }
    try {
      return read.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
