package th.go.municipal.publication.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The audit trail in {@code /actuator/health} (component {@code auditTrail}): down while the last
 * verification (at start and every night) found the chain broken, with what broke; up with the
 * number of entries checked otherwise. It reports the last result and never verifies on a health
 * call, which would read the whole trail at every poll. The readiness group includes it
 * (application.yml), so a load balancer stops sending work to nodes whose trail is broken; liveness
 * leaves it out, so nobody restarts them for it.
 */
@Component
class AuditTrailHealthIndicator implements HealthIndicator {

  private final AuditWatch watch;

  AuditTrailHealthIndicator(AuditWatch watch) {
    this.watch = watch;
  }

  @Override
  public Health health() {
    return watch
        .lastChecked()
        .map(
            checked -> {
              Verification result = checked.verification();
              Health.Builder health =
                  (result.intact() ? Health.up() : Health.down())
                      .withDetail("checked", result.checked())
                      .withDetail("verifiedAt", checked.at().toString())
                      .withDetail("verifiedAtThai", ThaiDates.dateTime(checked.at()));
              Verification.Break broken = result.firstBroken();
              if (broken != null) {
                health
                    .withDetail("reason", broken.reason())
                    .withDetail("message", broken.message());
                if (broken.entryId() != null) {
                  health.withDetail("entryId", broken.entryId());
                }
                if (broken.objectRef() != null) {
                  health.withDetail("objectRef", broken.objectRef());
                }
              }
              return health.build();
            })
        .orElseGet(
            () ->
                Health.unknown()
                    .withDetail("message", "ยังไม่ได้ตรวจสอบบันทึกการตรวจสอบตั้งแต่เริ่มระบบ")
                    .build());
  }
}
