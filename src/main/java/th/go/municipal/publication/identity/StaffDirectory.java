package th.go.municipal.publication.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Who a member of staff is: full name, position and groups, read from the engine's identity service
 * under its authorization checks, which every staff group passes for reading (users and groups,
 * granted by {@link IdentitySeeder}); the job executor runs as nobody and is not checked.
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
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String fullName =
        user == null
            ? userId
            : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
    String position = identityService.getUserInfo(userId, POSITION);
    return new Signer(
        userId, fullName.isEmpty() ? userId : fullName, position == null ? "" : position);
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupsOf(userId).contains(groupId);
  }

  public List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
