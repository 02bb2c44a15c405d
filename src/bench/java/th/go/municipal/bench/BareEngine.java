package th.go.municipal.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * The in-process baseline: a standalone Camunda engine of the service's version on its own H2
 * in-memory database, behind the same connection pool (HikariCP) as the service, history full, no
 * authorization checks (Camunda's default), no job executor, the bare model deployed and the demo
 * users created.
 */
final class BareEngine {

  static final String ID_PATTERN = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*";

  private BareEngine() {}

  static ProcessEngine start(DataSource dataSource) {
    ProcessEngineConfiguration configuration =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("bare")
            .setDataSource(dataSource)
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setJobExecutorActivate(false);
    // The demo users' ids (reporter.clerk, head-clerk), as the service allows them.
    configuration.setGeneralResourceWhitelistPattern(ID_PATTERN);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .name("bare")
        .addModelInstance("bare-request.bpmn", BareModel.create())
        .deploy();
    Staff.createDemoUsers(engine.getIdentityService());
    return engine;
  }

  static HikariDataSource inMemoryDatabase(String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setAutoCommit(false);
    // As the service's application.yml: H2 keeps 256 planned queries per connection, not 8.
    config.addDataSourceProperty("QUERY_CACHE_SIZE", "256");
    return new HikariDataSource(config);
  }
}
