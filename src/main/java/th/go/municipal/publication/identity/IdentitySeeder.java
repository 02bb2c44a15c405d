package th.go.municipal.publication.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's groups, the authorizations each role needs in Tasklist and Cockpit, the
 * shared Tasklist filters and, in the demo profile only, the demo users. Idempotent: it only adds
 * what is missing, so it runs at every start and on every node of a cluster.
 */
@Component
@Order(2)
class IdentitySeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);
  static final String PUBLICATION_PROCESS = "publicationRequest";
  static final String INCIDENT_PROCESS = "incidentReport";
  static final String INQUIRY_PROCESS = "informationRequest";
  static final String QUARTERLY_REPORT_PROCESS = "quarterlyReport";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final MunicipalityProperties municipality;
  private final DemoUsersProperties demo;
  private final StaffPositions positions;
  private final StaffRecords staffRecords;

  IdentitySeeder(
      IdentityService identityService,
      AuthorizationService authorizationService,
      FilterService filterService,
      TaskService taskService,
      MunicipalityProperties municipality,
      DemoUsersProperties demo,
      StaffPositions positions,
      StaffRecords staffRecords) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.municipality = municipality;
    this.demo = demo;
    this.positions = positions;
    this.staffRecords = staffRecords;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> staff = new ArrayList<>(List.of(Groups.WEBMASTER, Groups.MAYOR, Groups.AUDITOR));
    for (MunicipalityProperties.Unit unit : municipality.getUnits()) {
      String reporter = Groups.reporter(unit.id());
      String head = Groups.head(unit.id());
      staff.add(reporter);
      staff.add(head);
      group(reporter, "ผู้รับผิดชอบการให้ข้อมูล " + unit.name());
      group(head, "หัวหน้าหน่วยงาน " + unit.name());
      grant(reporter, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(
          reporter,
          Resources.PROCESS_DEFINITION,
          PUBLICATION_PROCESS,
          Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(reporter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      grant(head, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(head, Resources.PROCESS_DEFINITION, PUBLICATION_PROCESS, Permissions.READ);
      grant(
          head,
          Resources.PROCESS_DEFINITION,
          INCIDENT_PROCESS,
          Permissions.READ,
          Permissions.CREATE_INSTANCE);
      grant(head, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // Requests from the public reach the unit's heads and reporters as candidate-group tasks;
      // reading the definition lets Tasklist show the diagram. Only the website starts them.
      grant(reporter, Resources.PROCESS_DEFINITION, INQUIRY_PROCESS, Permissions.READ);
      grant(head, Resources.PROCESS_DEFINITION, INQUIRY_PROCESS, Permissions.READ);
    }
    group(Groups.WEBMASTER, "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่ (Webmaster)");
    group(Groups.MAYOR, "นายกเทศมนตรี (Mayor)");
    group(Groups.AUDITOR, "ผู้ตรวจสอบ (Auditor)");
    group(Groups.MONITORING, "ระบบเฝ้าระวัง (Monitoring: health details and metrics only)");
    for (String watcher : List.of(Groups.WEBMASTER, Groups.MAYOR, Groups.AUDITOR)) {
      grant(watcher, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    // Staff read the directory, never change it (users, groups and memberships are Admin's):
    // Tasklist
    // shows who holds a task, and a step reads its signer's name and groups and the addresses it
    // notifies whoever runs it, so these reads need no way around the authorization checks.
    for (String group : staff) {
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    // The webmaster watches publishing (retries, incidents) in Cockpit; the mayor follows
    // incidents and the requests they come from. Neither reads other processes' instances: the
    // public's information requests (names, phones, messages) are their unit's and the auditors'.
    grant(
        Groups.WEBMASTER,
        Resources.PROCESS_DEFINITION,
        PUBLICATION_PROCESS,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    // Starting the quarterly report needs CREATE on instances; reading them does not come with it.
    keepOnly(Groups.WEBMASTER, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(
        Groups.MAYOR,
        Resources.PROCESS_DEFINITION,
        INCIDENT_PROCESS,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    grant(
        Groups.MAYOR,
        Resources.PROCESS_DEFINITION,
        PUBLICATION_PROCESS,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    revoke(Groups.MAYOR, Resources.PROCESS_DEFINITION, INQUIRY_PROCESS);
    revoke(Groups.MAYOR, Resources.PROCESS_INSTANCE, ANY);
    // The quarterly report to the head of the agency: the webmaster writes it (and may start one
    // for any period), the head of the clerk's office reviews it (and may start one), the mayor
    // acknowledges it.
    grant(
        Groups.WEBMASTER,
        Resources.PROCESS_DEFINITION,
        QUARTERLY_REPORT_PROCESS,
        Permissions.READ,
        Permissions.CREATE_INSTANCE,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    grant(Groups.WEBMASTER, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    if (municipality.unit("clerk").isPresent()) {
      grant(
          Groups.head("clerk"),
          Resources.PROCESS_DEFINITION,
          QUARTERLY_REPORT_PROCESS,
          Permissions.READ,
          Permissions.CREATE_INSTANCE);
    }
    grant(Groups.MAYOR, Resources.PROCESS_DEFINITION, QUARTERLY_REPORT_PROCESS, Permissions.READ);
    // Auditors read everything and change nothing.
    grant(
        Groups.AUDITOR,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
    grant(Groups.AUDITOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.AUDITOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(
        Groups.AUDITOR,
        Resources.DECISION_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.READ_HISTORY);

    filter(
        "งานของฉัน (My tasks)",
        -20,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter(
        "งานของกลุ่มฉัน (My group tasks)",
        -10,
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());

    filter(
        "งานเลยกำหนด (Overdue tasks)",
        -5,
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .dueBeforeExpression("${now()}"));

    seedDemoUsers();
    tasksAreWorkedNotUpdated();
    // Users created before: Camunda gave them ALL on their own account (see StaffRecords).
    identityService
        .createUserQuery()
        .list()
        .forEach(u -> staffRecords.restrictOwnAccount(u.getId()));
    for (StaffPositions.Position position : positions.positions()) {
      if (identityService.createUserQuery().userId(position.user()).count() == 0) {
        log.warn("publication.staff.positions names {}, who is not a user", position.user());
      } else {
        identityService.setUserInfo(position.user(), StaffDirectory.POSITION, position.position());
      }
    }
  }

  /**
   * Tasks created before TASK_WORK became the default task permission gave their workers UPDATE,
   * with which they could write any variable or candidate on the task: they get TASK_WORK instead.
   */
  private void tasksAreWorkedNotUpdated() {
    for (Authorization authorization :
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .resourceType(Resources.TASK)
            .hasPermission(Permissions.UPDATE)
            .list()) {
      if (!ANY.equals(authorization.getResourceId())) {
        authorization.removePermission(Permissions.UPDATE);
        authorization.addPermission(Permissions.TASK_WORK);
        authorizationService.saveAuthorization(authorization);
      }
    }
  }

  private void seedDemoUsers() {
    if (demo.getUsers().isEmpty()) {
      return;
    }
    if (demo.getPassword() == null || demo.getPassword().isBlank()) {
      throw new IllegalStateException("demo.password must be set when demo users are configured");
    }
    for (DemoUsersProperties.DemoUser demoUser : demo.getUsers()) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@demo.invalid");
        user.setPassword(demo.getPassword());
        identityService.saveUser(user);
        identityService.setUserInfo(demoUser.id(), StaffDirectory.POSITION, demoUser.position());
      }
      for (String groupId : demoUser.groups()) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
          group(groupId, groupId);
        }
        if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count()
            == 0) {
          identityService.createMembership(demoUser.id(), groupId);
        }
      }
    }
    log.info("Demo profile: {} demo users are available", demo.getUsers().size());
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  /**
   * Grants the permissions to the group on the resource; a grant that exists already gets those of
   * them it lacks (a newer version may give a role more), and nothing it has is taken away.
   */
  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
            .findFirst()
            .orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * Withdraws every permission but the kept ones from the group's grant on the resource (an earlier
   * version gave more than the group's work needs); a grant with nothing more is left untouched, so
   * a restart changes nothing.
   */
  private void keepOnly(String groupId, Resource resource, String resourceId, Permission... kept) {
    List<Permission> keep = Arrays.asList(kept);
    for (Authorization authorization :
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()) {
      boolean more =
          Arrays.stream(authorization.getPermissions(Permissions.values()))
              .anyMatch(p -> p != Permissions.NONE && !keep.contains(p));
      if (more) {
        authorizationService.deleteAuthorization(authorization.getId());
      }
    }
    if (kept.length > 0) {
      grant(groupId, resource, resourceId, kept);
    }
  }

  /** Removes what an earlier version granted and the group's work no longer needs. */
  private void revoke(String groupId, Resource resource, String resourceId) {
    authorizationService
        .createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  private void filter(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    filter.setProperties(
        Map.of(
            "priority",
            priority,
            "refresh",
            true,
            "description",
            name,
            "variables",
            List.of(
                Map.of("name", "title", "label", "หัวข้อเรื่อง (Title)"),
                Map.of("name", "unitName", "label", "หน่วยงาน (Unit)"),
                Map.of("name", "subject", "label", "เรื่อง (Subject)"))));
    filterService.saveFilter(filter);
    Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(everyone);
  }
}
