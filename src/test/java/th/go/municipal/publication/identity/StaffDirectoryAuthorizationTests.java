package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.notification.StaffMailboxes;

/**
 * The staff directory and mailboxes read the engine's users and groups under its authorization
 * checks: every role reads names, groups and addresses (and the job executor, which runs as
 * nobody), someone outside the staff groups reads nothing, and nobody in the staff groups may
 * change users, groups or memberships.
 */
class StaffDirectoryAuthorizationTests extends ProcessTestSupport {

  @Autowired StaffDirectory staff;

  @Autowired StaffMailboxes mailboxes;

  @ParameterizedTest
  @ValueSource(strings = {"reporter.clerk", "head.clerk", "webmaster", "mayor", "auditor"})
  void everyRoleReadsAnotherSignersNameGroupsAndAGroupsAddresses(String caller) {
    as(caller, () -> assertReadsTheDirectory());
  }

  @Test
  void theJobExecutorRunningAsNobodyReadsTheDirectory() {
    assertThat(identityService.getCurrentAuthentication()).isNull();
    assertReadsTheDirectory();
  }

  @Test
  void someoneOutsideTheStaffGroupsReadsNoOtherUserOrGroup() {
    // given a login that an administrator has not yet put into any group
    User outsider = identityService.newUser("outsider.directory");
    outsider.setPassword("a-long-test-password");
    identityService.saveUser(outsider);

    as(
        "outsider.directory",
        () -> {
          // then the engine's checks hide the others: the grants are what lets staff read
          assertThat(staff.signer("head.clerk").fullName()).isEqualTo("head.clerk");
          assertThat(staff.groupsOf("head.clerk")).isEmpty();
          assertThatThrownBy(() -> mailboxes.addressesOf(List.of("mayor")))
              .isInstanceOf(IllegalStateException.class);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"reporter.clerk", "head.clerk", "webmaster", "mayor", "auditor"})
  void noRoleChangesUsersGroupsOrMemberships(String caller) {
    as(
        caller,
        () -> {
          User newcomer = identityService.newUser("newcomer.by." + caller);
          assertThatThrownBy(() -> identityService.saveUser(newcomer))
              .isInstanceOf(AuthorizationException.class);
          User other = identityService.createUserQuery().userId("reporter.finance").singleResult();
          other.setLastName("เปลี่ยนชื่อ");
          assertThatThrownBy(() -> identityService.saveUser(other))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> identityService.deleteUser("reporter.finance"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(
                  () -> identityService.saveGroup(identityService.newGroup("group-by-" + caller)))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> identityService.deleteGroup("webmaster"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(() -> identityService.createMembership(caller, "camunda-admin"))
              .isInstanceOf(AuthorizationException.class);
          assertThatThrownBy(
                  () -> identityService.deleteMembership("reporter.finance", "reporter-finance"))
              .isInstanceOf(AuthorizationException.class);
        });
    assertThat(identityService.createUserQuery().userId("reporter.finance").singleResult())
        .extracting(User::getLastName)
        .isEqualTo("รักงาน");
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
        .extracting(User::getId)
        .doesNotContain(caller);
  }

  @Test
  void groupsWithoutAnyAddressFailWithTheOperatorsRemedy() {
    assertThatThrownBy(() -> mailboxes.addressesOf(List.of("no-such-group")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ไม่มีสมาชิกของกลุ่ม no-such-group ที่มีอีเมล")
        .hasMessageContaining("add one in Admin, then retry the job in Cockpit");
  }

  private void assertReadsTheDirectory() {
    StaffDirectory.Signer head = staff.signer("head.clerk");
    assertThat(head.fullName()).isEqualTo("สมศรี มีสุข");
    assertThat(head.position()).isEqualTo("ปลัดเทศบาล");
    assertThat(staff.groupsOf("reporter.finance")).containsExactly("reporter-finance");
    assertThat(staff.isMember("head.engineering", "head-engineering")).isTrue();
    assertThat(mailboxes.addressesOf(List.of("mayor", "head-clerk")))
        .containsExactly("mayor@demo.invalid", "head.clerk@demo.invalid");
  }
}
