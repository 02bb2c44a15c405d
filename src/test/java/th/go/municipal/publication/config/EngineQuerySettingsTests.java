package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * Issue 12: the engine runs with the settings the heads' task lists were measured with. The starter
 * sets the tenant check from {@code camunda.bpm.authorization.tenant-check-enabled} after the
 * generic properties, so this proves the setting reaches the engine, not only the YAML.
 */
class EngineQuerySettingsTests extends ProcessTestSupport {

  @Test
  void theEngineChecksAuthorizationsButNotTenants() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    assertThat(engine.getProcessEngineConfiguration().isTenantCheckEnabled()).isFalse();
  }
}
