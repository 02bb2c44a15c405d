package th.go.municipal.publication.operations;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.audit.Verification;

/**
 * Health component {@code auditChain}: down when the audit trail no longer verifies (an entry
 * edited or deleted behind the application's back, see {@link AuditService#verify()}); the auditors
 * are e-mailed about it by the audit trail itself, daily. Verifying reads the whole trail, so it
 * runs in the background every {@code publication.operations.audit-check-interval}, and the health
 * endpoint answers with the last result: a probe never waits for it.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AuditChainHealthIndicator.class);

  private record Result(Instant at, Verification verification, String failure) {}

  private final AuditService audit;
  private final OperationsProperties properties;
  private final Clock clock;
  private volatile Result last;

  AuditChainHealthIndicator(AuditService audit, OperationsProperties properties, Clock clock) {
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::check, properties.getAuditCheckInterval());
  }

  void check() {
    try {
      last = new Result(clock.instant(), audit.verify(), null);
    } catch (RuntimeException e) {
      log.warn("Could not verify the audit chain: {}", e.getMessage());
      last = new Result(clock.instant(), null, e.getMessage());
    }
  }

  @Override
  public Health health() {
    Result result = last;
    if (result == null) {
      return Health.unknown().withDetail("checked", "not yet").build();
    }
    if (result.failure() != null) {
      return Health.down()
          .withDetail("checkedAt", result.at())
          .withDetail("error", result.failure())
          .build();
    }
    Verification verification = result.verification();
    if (!verification.intact()) {
      Verification.Break broken = verification.firstBroken();
      Health.Builder down =
          Health.down()
              .withDetail("checkedAt", result.at())
              .withDetail("reason", broken.reason())
              .withDetail("message", broken.message());
      if (broken.entryId() != null) {
        down.withDetail("firstBrokenEntry", broken.entryId());
      }
      return down.build();
    }
    return Health.up()
        .withDetail("checkedAt", result.at())
        .withDetail("entries", verification.checked())
        .build();
  }
}
