package th.go.municipal.publication.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Who a member of staff is: full name, position and groups, read from the engine's identity service
 * under its authorization checks, which every staff group passes for reading (users and groups,
 * granted by {@link IdentitySeeder}); the job executor runs as nobody and is not checked.
 *
 * <p>Every signed step looks its signer up, so each answer is kept for {@link #KEPT_FOR}, per
 * caller (what one caller may read is not handed to another), and forgotten at once when users,
 * groups or memberships change through the engine's API as someone (Admin, REST, {@link
 * StaffRecords}); a change made without an authenticated user (start-up seeding) is seen within
 * {@link #KEPT_FOR}.
 */
@Service
public class StaffDirectory {

  /** user info key under which a user's position (ตำแหน่ง) is kept */
  public static final String POSITION = "position";

  /** How long a lookup is reused (issue 12: three lookups per step were a fifth of a step). */
  static final Duration KEPT_FOR = Duration.ofSeconds(10);

  private static final Set<String> IDENTITY_ENTITIES =
      Set.of(EntityTypes.USER, EntityTypes.GROUP, EntityTypes.GROUP_MEMBERSHIP);

  private final IdentityService identityService;
  private final Cache<Lookup, Object> kept =
      Caffeine.newBuilder().expireAfterWrite(KEPT_FOR).maximumSize(10_000).build();

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
    return lookUp("signer", userId, () -> readSigner(userId));
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupsOf(userId).contains(groupId);
  }

  public List<String> groupsOf(String userId) {
    return lookUp(
        "groups",
        userId,
        () ->
            identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
  }

  /** Users, groups or memberships changed: forget every answer, now and once it commits. */
  @EventListener
  void onIdentityChange(UserOperationLogEntry change) {
    if (!IDENTITY_ENTITIES.contains(change.getEntityType())) {
      return;
    }
    kept.invalidateAll();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              kept.invalidateAll();
            }
          });
    }
  }

  private Signer readSigner(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String fullName =
        user == null
            ? userId
            : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
    String position = identityService.getUserInfo(userId, POSITION);
    return new Signer(
        userId, fullName.isEmpty() ? userId : fullName, position == null ? "" : position);
  }

  /** What was asked, about whom, and by whom (the engine's checks depend on the caller). */
  private record Lookup(String what, String userId, String caller, List<String> callerGroups) {}

  @SuppressWarnings("unchecked")
  private <T> T lookUp(String what, String userId, Supplier<T> read) {
    Authentication caller = identityService.getCurrentAuthentication();
    Lookup lookup =
        caller == null
            ? new Lookup(what, userId, null, List.of())
            : new Lookup(
                what,
                userId,
                caller.getUserId(),
                caller.getGroupIds() == null ? List.of() : List.copyOf(caller.getGroupIds()));
    return (T) kept.get(lookup, l -> read.get());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
