package th.go.municipal.publication.operations;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The Debian PostgreSQL server that {@code src/test/postgres/postgres-server.sh start} runs for the
 * production tests, and the operator's scripts of {@code src/ops} run against its databases as an
 * operator would run them (libpq's environment variables choose the database).
 */
final class TestPostgres {

  static final String PASSWORD = "Node-Db-Pass-2570";
  static final String FORM_KEY = "k3Jq8Zr2Lw6Yp0Tn5Vb9Xc4Hm7Gd1Sf8";
  static final String ADMIN_PASSWORD = "Admin-Pass-2570!";

  private final Properties server = new Properties();

  private TestPostgres(Path settings) throws IOException {
    try (InputStream in = Files.newInputStream(settings)) {
      server.load(in);
    }
  }

  /** The running test server; without it (not started) the tests are skipped, or fail under CI. */
  static TestPostgres running() throws IOException {
    Path settings = Path.of("target/postgres-server.properties");
    boolean present = Files.exists(settings);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "No PostgreSQL test server: bash src/test/postgres/postgres-server.sh start");
    }
    assumeTrue(
        present, "No PostgreSQL test server: bash src/test/postgres/postgres-server.sh start");
    return new TestPostgres(settings);
  }

  /** A new empty database. */
  String createDatabase() throws SQLException {
    String name = "publication_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return name;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://"
        + server.getProperty("host")
        + ":"
        + server.getProperty("port")
        + "/"
        + database;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), server.getProperty("user"), "");
  }

  JdbcTemplate jdbc(String database) throws SQLException {
    return new JdbcTemplate(new SingleConnectionDataSource(connect(database), true));
  }

  /** Settings and environment of a production node (profile postgres) on the database. */
  Map<String, String> nodeEnvironment(String database) {
    return Map.of(
        "DB_URL",
        jdbcUrl(database),
        "DB_USER",
        server.getProperty("user"),
        "DB_PASSWORD",
        PASSWORD,
        "INQUIRY_SECRET",
        FORM_KEY,
        "CAMUNDA_BPM_ADMIN_USER_ID",
        "admin",
        "CAMUNDA_BPM_ADMIN_USER_PASSWORD",
        ADMIN_PASSWORD);
  }

  /** Runs one of the operator's scripts against the database; its output, failing on non-zero. */
  String script(String database, String... command) throws IOException, InterruptedException {
    ScriptResult result = tryScript(database, command);
    if (result.exit() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + result.output());
    }
    return result.output();
  }

  record ScriptResult(int exit, String output) {}

  ScriptResult tryScript(String database, String... command)
      throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("bash"));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("PGHOST", server.getProperty("host"));
    builder.environment().put("PGPORT", server.getProperty("port"));
    builder.environment().put("PGUSER", server.getProperty("user"));
    builder.environment().put("PGDATABASE", database);
    builder.environment().put("APP_JAR", Node.jar().toAbsolutePath().toString());
    builder
        .environment()
        .put("PATH", server.getProperty("bin") + ":" + System.getenv().getOrDefault("PATH", ""));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
    }
    return new ScriptResult(process.exitValue(), output);
  }
}
