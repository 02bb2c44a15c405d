package th.go.municipal.publication.config;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index for the engine's revoke check, where the engine keeps its own tables (H2, the embedded
 * default). With {@code authorization-check-revokes: auto} the engine asks, once per command,
 * whether any revoking authorization concerns the user or one of their groups: {@code TYPE_ = 2 and
 * (USER_ID_ in (…) or GROUP_ID_ in (…))}. H2 cannot use the engine's indexes for that {@code or},
 * so it read every authorization, and the engine writes one for each candidate group and assignee
 * of every waiting task: at 10,000 waiting tasks, 8.5 % of Tasklist's "My group tasks" page (issue
 * 12, JFR). Grants outnumber revokes by far (this service writes none), so an index on the type
 * answers at once. Kept rather than turning the check off: an administrator's revoke in the Admin
 * webapp still takes effect. PostgreSQL combines its two indexes that begin with the user and the
 * group for the same condition.
 */
@Component
@ConditionalOnProperty(
    name = "camunda.bpm.database.schema-update",
    havingValue = "true",
    matchIfMissing = true)
class RevokeCheckIndex implements SmartInitializingSingleton {

  static final String INDEX = "PUB_IDX_AUTH_REVOKE";

  private final JdbcTemplate jdbc;

  /** The engine, built: its tables exist. */
  RevokeCheckIndex(ProcessEngine engine, DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void afterSingletonsInstantiated() {
    jdbc.execute("create index if not exists " + INDEX + " on ACT_RU_AUTHORIZATION (TYPE_)");
  }
}
