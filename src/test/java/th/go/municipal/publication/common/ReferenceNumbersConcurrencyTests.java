package th.go.municipal.publication.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many starts at the same moment, each in its own transaction that stays open a little after taking
 * its number (as the engine's does), on H2 and on a real PostgreSQL: the first numbers of a fiscal
 * year included, where nobody has created the year's row yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceNumbersConcurrencyTests {

  private static final int STARTS = 8;
  private static final int ROUNDS = 10;

  private EmbeddedPostgres postgres;
  private final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeAll
  void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  void stop() throws Exception {
    pools.forEach(HikariDataSource::close);
    postgres.close();
  }

  @Test
  void firstStartsOfAFiscalYearAtTheSameMomentGetOneToNOnH2() throws Exception {
    assertEveryRoundNumbersOneToN(
        database("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa"));
  }

  @Test
  void firstStartsOfAFiscalYearAtTheSameMomentGetOneToNOnPostgres() throws Exception {
    assertEveryRoundNumbersOneToN(
        database(postgres.getJdbcUrl("postgres", "postgres"), "postgres"));
  }

  @Test
  void aRolledBackStartGivesItsNumberBack() {
    DataSource db = database("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    ReferenceNumbers numbers = new ReferenceNumbers(new JdbcTemplate(db), Clock.systemUTC());
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db));

    String first = transaction.execute(status -> numbers.next("RB"));
    transaction.executeWithoutResult(
        status -> {
          numbers.next("RB");
          status.setRollbackOnly();
        });
    String second = transaction.execute(status -> numbers.next("RB"));

    assertThat(first).endsWith("-0001");
    assertThat(second).endsWith("-0002");
  }

  private void assertEveryRoundNumbersOneToN(DataSource db) throws Exception {
    ReferenceNumbers numbers = new ReferenceNumbers(new JdbcTemplate(db), Clock.systemUTC());
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(db));
    ExecutorService threads = Executors.newFixedThreadPool(STARTS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // A prefix nobody used: its year's row does not exist, as on the first day of a fiscal
        // year.
        String prefix = "T" + round;
        CyclicBarrier together = new CyclicBarrier(STARTS);
        List<Future<String>> issued = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
          issued.add(
              threads.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return transaction.execute(
                        status -> {
                          String number = numbers.next(prefix);
                          sleep(20);
                          return number;
                        });
                  }));
        }
        List<Integer> sequence = new ArrayList<>();
        for (Future<String> number : issued) {
          String value = number.get(60, TimeUnit.SECONDS);
          sequence.add(Integer.parseInt(value.substring(value.lastIndexOf('-') + 1)));
        }
        assertThat(sequence)
            .as("round %d: every start got a number, none shared, none skipped", round)
            .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, STARTS).boxed().toList());
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private DataSource database(String url, String user) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword("");
    pool.setMaximumPoolSize(STARTS + 2);
    pools.add(pool);
    Flyway.configure().dataSource(pool).load().migrate();
    return pool;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
