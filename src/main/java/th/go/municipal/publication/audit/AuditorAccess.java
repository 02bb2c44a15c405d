package th.go.municipal.publication.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.StaffDirectory;

/** Who may read the audit trail (auditors and administrators) and who may read a signed form. */
@Component
class AuditorAccess {

  private final ApiCaller caller;
  private final StaffDirectory staff;

  AuditorAccess(ApiCaller caller, StaffDirectory staff) {
    this.caller = caller;
    this.staff = staff;
  }

  /** The caller, if an auditor or administrator; otherwise a 401 or 403 refusal. */
  String requireAuditor(HttpServletRequest http) {
    String userId = caller.requireUser(http);
    if (!isAuditor(userId)) {
      throw InputRejectedException.forbidden(
          "เฉพาะผู้ตรวจสอบและผู้ดูแลระบบเท่านั้นที่ดูบันทึกการตรวจสอบได้"
              + " (auditors and administrators only)");
    }
    return userId;
  }

  boolean isAuditor(String userId) {
    List<String> groups = staff.groupsOf(userId);
    return groups.contains(Groups.AUDITOR) || groups.contains(Groups.ADMIN);
  }

  /** The unit's reporters and head, the webmaster, the mayor, auditors and administrators. */
  boolean mayReadForm(String userId, String unit) {
    List<String> groups = staff.groupsOf(userId);
    return groups.contains(Groups.reporter(unit))
        || groups.contains(Groups.head(unit))
        || groups.contains(Groups.WEBMASTER)
        || groups.contains(Groups.MAYOR)
        || groups.contains(Groups.AUDITOR)
        || groups.contains(Groups.ADMIN);
  }

  String requireUser(HttpServletRequest http) {
    return caller.requireUser(http);
  }
}
