package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * Issue 12: the engine and its database run with the settings the heads' task lists were measured
 * with. The starter sets the tenant check from {@code
 * camunda.bpm.authorization.tenant-check-enabled} after the generic properties, so this proves the
 * setting reaches the engine, not only the YAML.
 */
class EngineQuerySettingsTests extends ProcessTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineChecksAuthorizationsButNotTenants() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    assertThat(engine.getProcessEngineConfiguration().isTenantCheckEnabled()).isFalse();
  }

  @Test
  void h2KeepsTwoHundredFiftySixPlannedQueriesPerConnection() {
    // Each connection of the pool is a session of its own: ask through the pool, as the engine
    // does.
    assertThat(
            jdbc.queryForObject(
                "select setting_value from information_schema.settings"
                    + " where setting_name = 'QUERY_CACHE_SIZE'",
                String.class))
        .isEqualTo("256");
  }

  @Test
  void theEnginesRevokeCheckReadsTheIndexOnTheAuthorizationsType() {
    // The engine's statement (Authorization.xml, selectRevokeAuthorization) for a head of unit.
    String plan =
        jdbc.queryForObject(
            "explain select case when exists (select ID_ from ACT_RU_AUTHORIZATION"
                + " where TYPE_ = 2 and (USER_ID_ in ('head.clerk', '*')"
                + " or GROUP_ID_ in ('head-clerk', 'staff')))"
                + " then 1 else 0 end",
            String.class);

    assertThat(plan).contains(EngineIndexes.REVOKE_CHECK_INDEX).contains("TYPE_ = 2");
  }
}
