package th.go.municipal.publication.config;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The service's own indexes on the engine's tables (issue 12, the heads' task lists at 10,000
 * waiting tasks), one set per database:
 *
 * <ul>
 *   <li>H2 (the embedded default): an index for the engine's revoke check. With {@code
 *       authorization-check-revokes: auto} the engine asks, once per command, whether any revoking
 *       authorization concerns the user or one of their groups: {@code TYPE_ = 2 and (USER_ID_ in
 *       (…) or GROUP_ID_ in (…))}. H2 cannot use the engine's indexes for that {@code or}, so it
 *       read every authorization, and the engine writes one for each candidate group and assignee
 *       of every waiting task: at 10,000 waiting tasks, 8.5 % of Tasklist's "My group tasks" page
 *       (JFR). Grants outnumber revokes by far (this service writes none), so an index on the type
 *       answers at once. Kept rather than turning the check off: an administrator's revoke in the
 *       Admin webapp still takes effect. PostgreSQL combines its two indexes that begin with the
 *       user and the group for the same condition.
 *   <li>PostgreSQL: {@value #POSTGRESQL_SCRIPT}, a partial index for the task query's authorization
 *       check (the script says why). Where the operator keeps the engine's tables ({@code
 *       schema-update: false}, the {@code postgres} profile) {@code src/ops/camunda-schema.sh}
 *       applies it, as it applies Camunda's own scripts; a node only warns when it is missing,
 *       since the engine's tables are not the node's to change.
 * </ul>
 */
@Component
class EngineIndexes implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  static final String REVOKE_CHECK_INDEX = "PUB_IDX_AUTH_REVOKE";

  static final String TASK_READ_INDEX = "PUB_IDX_AUTH_TASK_READ";

  static final String POSTGRESQL_SCRIPT = "db/engine/postgresql-indexes.sql";

  private final JdbcTemplate jdbc;

  private final boolean engineKeepsItsTables;

  /** The engine, built: its tables exist where it keeps them itself. */
  EngineIndexes(
      ProcessEngine engine,
      DataSource dataSource,
      @Value("${camunda.bpm.database.schema-update:true}") String schemaUpdate) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.engineKeepsItsTables = !"false".equalsIgnoreCase(schemaUpdate);
  }

  @Override
  public void afterSingletonsInstantiated() {
    String database =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    if ("PostgreSQL".equals(database)) {
      if (engineKeepsItsTables) {
        new ResourceDatabasePopulator(new ClassPathResource(POSTGRESQL_SCRIPT))
            .execute(jdbc.getDataSource());
      } else if (!postgresqlIndexExists()) {
        log.warn(
            "ดัชนี {} ของตาราง ACT_RU_AUTHORIZATION ยังไม่มี: รายการงานของหัวหน้าจะช้าลงเมื่องานรอมาก"
                + " (the index {} is missing: the heads' task lists slow down with many waiting"
                + " tasks): run src/ops/camunda-schema.sh upgrade (README, Operations: Upgrade)",
            TASK_READ_INDEX,
            TASK_READ_INDEX);
      }
    } else if (engineKeepsItsTables && "H2".equals(database)) {
      jdbc.execute(
          "create index if not exists " + REVOKE_CHECK_INDEX + " on ACT_RU_AUTHORIZATION (TYPE_)");
    }
  }

  private boolean postgresqlIndexExists() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select to_regclass(?) is not null", Boolean.class, TASK_READ_INDEX.toLowerCase()));
  }
}
