package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's tables are the operator's on PostgreSQL: a production node refuses an empty database
 * and tables of an older engine, each time naming the script to run; after {@code
 * src/ops/camunda-schema.sh create} or {@code upgrade} it starts, and Flyway brings the service's
 * own tables up to date by itself. Both scripts also add the service's own index on the engine's
 * tables ({@code db/engine/postgresql-indexes.sql}); a node on a database without it starts and
 * names the script in a warning.
 */
@Tag("production")
class SchemaUpgradeTests {

  @Test
  void
      aNodeRefusesMissingOrOlderEngineTablesUntilTheOperatorsScriptRanWhichAddsTheServicesIndexANodeWithoutItWarns()
          throws Exception {
    TestPostgres postgres = TestPostgres.running();
    String database = postgres.createDatabase();

    try (Node empty = node(postgres, database, "empty")) {
      assertThat(empty.launch().awaitExit(Duration.ofMinutes(4))).isNotZero();
      assertThat(empty.output()).contains("camunda-schema.sh create");
    }

    assertThat(postgres.script(database, "src/ops/camunda-schema.sh", "create"))
        .contains("postgresql-indexes.sql");
    assertThat(taskReadIndexExists(postgres, database)).isTrue();
    assertThat(postgres.script(database, "src/ops/camunda-schema.sh", "status"))
        .contains("tables: 7.24.0")
        .contains("application: 7.24.0");
    // As if the tables were left by the previous release.
    postgres.jdbc(database).update("update act_ge_schema_log set version_ = '7.23.0'");
    postgres.jdbc(database).update("drop index pub_idx_auth_task_read");

    try (Node older = node(postgres, database, "older")) {
      assertThat(older.launch().awaitExit(Duration.ofMinutes(4))).isNotZero();
      assertThat(older.output()).contains("7.23.0").contains("camunda-schema.sh upgrade");
    }

    assertThat(postgres.script(database, "src/ops/camunda-schema.sh", "upgrade"))
        .contains("postgres_engine_7.23_to_7.24.sql")
        .contains("postgresql-indexes.sql");
    assertThat(taskReadIndexExists(postgres, database)).isTrue();
    // A database that lost it (restored from an older dump): the node starts, and says what to run.
    postgres.jdbc(database).update("drop index pub_idx_auth_task_read");
    try (Node upgraded = node(postgres, database, "upgraded")) {
      upgraded.start();
      assertThat(upgraded.output())
          .contains("PUB_IDX_AUTH_TASK_READ is missing")
          .contains("camunda-schema.sh upgrade");
      assertThat(
              postgres
                  .jdbc(database)
                  .queryForObject(
                      "select max(version) from flyway_schema_history where success", String.class))
          .as("the service's own tables migrated by Flyway")
          .isNotBlank();
    }
  }

  private static boolean taskReadIndexExists(TestPostgres postgres, String database)
      throws Exception {
    return postgres
        .jdbc(database)
        .queryForObject("select to_regclass('pub_idx_auth_task_read') is not null", Boolean.class);
  }

  private static Node node(TestPostgres postgres, String database, String name) throws Exception {
    return Node.of(
        name, Map.of("spring.profiles.active", "postgres"), postgres.nodeEnvironment(database));
  }
}
