package th.go.municipal.publication.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.StaffDirectory;

/**
 * Who reads the monitoring reports: the staff who oversee the publication (the units' heads, the
 * webmaster, the mayor, auditors and administrators); reporters and everyone else are refused.
 */
@Component
class ReportAccess {

  private final ApiCaller caller;
  private final StaffDirectory staff;

  ReportAccess(ApiCaller caller, StaffDirectory staff) {
    this.caller = caller;
    this.staff = staff;
  }

  /** The caller if they oversee; else 401 without a login and 403 with one. */
  String requireOverseer(HttpServletRequest http) {
    String userId = caller.requireUser(http);
    if (!oversees(userId)) {
      throw InputRejectedException.forbidden(
          "รายงานการติดตามผลดูได้เฉพาะหัวหน้าหน่วยงาน ผู้ดูแลเว็บไซต์ นายกเทศมนตรี และผู้ตรวจสอบ"
              + " (heads, the webmaster, the mayor and auditors only)");
    }
    return userId;
  }

  boolean oversees(String userId) {
    List<String> groups = staff.groupsOf(userId);
    return groups.stream()
        .anyMatch(
            g ->
                g.startsWith(Groups.head(""))
                    || g.equals(Groups.WEBMASTER)
                    || g.equals(Groups.MAYOR)
                    || g.equals(Groups.AUDITOR)
                    || g.equals(Groups.ADMIN));
  }
}
