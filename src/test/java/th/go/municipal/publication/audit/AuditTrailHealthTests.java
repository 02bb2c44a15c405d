package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.jdbc.core.JdbcTemplate;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * A broken chain is visible in the health status, not only by e-mail and on the auditors' pages:
 * the {@code auditTrail} component goes down with what broke once verification finds it, the
 * overall status at {@code /actuator/health} with it, and both come back once the trail is whole
 * again.
 */
class AuditTrailHealthTests extends ProcessTestSupport {

  @Autowired AuditWatch watch;

  @Autowired HealthEndpoint health;

  @Autowired JdbcTemplate jdbc;

  @Test
  void anEditedEntryTurnsTheAuditTrailHealthDownUntilTheTrailIsWholeAgain() throws Exception {
    TamperingDetectionTests.publishedRequest(this);
    watch.verifyNow();
    assertThat(auditTrail().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getStatus()).as("everything else is up").isEqualTo(Status.UP);

    long entry = jdbc.queryForObject("select max(id) from audit_entries", Long.class);
    Runnable undo =
        new ChainTampering(jdbc).edit("audit_entries", "actor", "someone.else", "id", entry);
    try {
      watch.verifyNow();
      HealthComponent broken = auditTrail();
      assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
      assertThat(((Health) broken).getDetails())
          .containsEntry("reason", "entry_changed")
          .containsEntry("entryId", entry)
          .containsKey("verifiedAtThai");
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      var response = mvc.perform(get("/actuator/health")).andReturn().getResponse();
      assertThat(response.getStatus()).isEqualTo(503);
      JsonNode body =
          new ObjectMapper().readTree(response.getContentAsString(StandardCharsets.UTF_8));
      // Beside the status only the names of the probe groups (liveness, readiness), no components.
      assertThat(body.has("components")).as("the public sees the status only").isFalse();
      assertThat(body.get("status").asText()).isEqualTo("DOWN");
    } finally {
      undo.run();
    }

    watch.verifyNow();
    assertThat(auditTrail().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  private HealthComponent auditTrail() {
    return ((SystemHealth) health.health()).getComponents().get("auditTrail");
  }
}
