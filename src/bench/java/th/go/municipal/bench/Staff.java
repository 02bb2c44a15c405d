package th.go.municipal.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The demo users that walk a request, as the webapps and REST see them: an engine call runs with
 * the user and their groups set as the engine's authentication. Groups are read once per user.
 */
final class Staff {

  static final List<String> UNITS =
      List.of("clerk", "finance", "engineering", "education", "health", "audit");
  static final String WEBMASTER = "webmaster";

  private final IdentityService identity;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  Staff(IdentityService identity) {
    this.identity = identity;
  }

  static String reporter(String unit) {
    return "reporter." + unit;
  }

  static String head(String unit) {
    return "head." + unit;
  }

  <T> T as(String user, Supplier<T> call) {
    List<String> memberOf =
        groups.computeIfAbsent(
            user,
            id ->
                identity.createGroupQuery().groupMember(id).list().stream()
                    .map(Group::getId)
                    .toList());
    identity.setAuthentication(user, memberOf);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  void as(String user, Runnable call) {
    as(
        user,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * For the baseline: the service's demo users with the same ids, groups and password, so that the
   * same driver and the same basic-auth checks walk both.
   */
  static void createDemoUsers(IdentityService identity) {
    for (String unit : UNITS) {
      createUser(identity, reporter(unit), "reporter-" + unit);
      createUser(identity, head(unit), "head-" + unit);
    }
    createUser(identity, WEBMASTER, WEBMASTER);
    createUser(identity, "admin", "camunda-admin");
  }

  private static void createUser(IdentityService identity, String id, String groupId) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("(baseline)");
    user.setEmail(id + "@demo.invalid");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, groupId);
  }
}
