package th.go.municipal.publication.publishing;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.FieldReader;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.StepGuard;

/**
 * What the webmaster does to the website by hand: take an item down before its time, with a reason.
 */
@Service
public class WebsiteAdministration {

  static final String ITEM_WITHDRAWN = "ItemWithdrawn";

  private final PublicationService publication;
  private final StepGuard guard;
  private final RuntimeService runtimeService;

  WebsiteAdministration(
      PublicationService publication, StepGuard guard, RuntimeService runtimeService) {
    this.publication = publication;
    this.guard = guard;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public void withdrawByHand(String businessKey, String userId, Map<String, Object> input) {
    guard.requireMember(
        userId,
        Groups.WEBMASTER,
        "เฉพาะผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่เท่านั้นที่นำข้อมูลลงได้ (only the webmaster may take items down)");
    String reason =
        new FieldReader(input, Map.of("reason", "เหตุผลในการนำข้อมูลลง"))
            .text("reason", true, 2000);
    if (!publication.withdraw(businessKey, userId, reason)) {
      // Another webmaster took it down first (perhaps a moment ago, on another node).
      throw InputRejectedException.conflict(
          null,
          "รายการ "
              + businessKey
              + " ถูกนำลงจากเว็บไซต์แล้วโดย "
              + publication.whoWithdrew(businessKey)
              + " (already taken down)");
    }
    // A request still waiting for the end of its publication period ends now instead.
    runtimeService
        .createMessageCorrelation(ITEM_WITHDRAWN)
        .processInstanceBusinessKey(businessKey)
        .correlateAll();
  }
}
