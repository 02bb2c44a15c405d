package th.go.municipal.publication.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Issues the numbers people read and quote: PR-2569-0001 for requests, IN-2569-0001 for incidents,
 * numbered per Thai fiscal year, unique and without gaps. The number is taken in the caller's
 * transaction by an update that locks the year's row, so concurrent starts on any node of a cluster
 * wait for each other and a rolled-back start gives its number back. The year's row is created by
 * the first start of the year; when several come at once, exactly one creates it and the others
 * then wait for its lock like any later start.
 */
@Service
public class ReferenceNumbers {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final boolean postgres;

  public ReferenceNumbers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.postgres = isPostgres(jdbc.getDataSource());
  }

  public String next(String prefix) {
    int fiscalYear = ThaiDates.fiscalYear(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
    if (increment(prefix, fiscalYear) == 0) {
      createYear(prefix, fiscalYear);
      if (increment(prefix, fiscalYear) == 0) {
        throw new IllegalStateException(
            "No number sequence for " + prefix + " in fiscal year " + fiscalYear);
      }
    }
    Integer number =
        jdbc.queryForObject(
            "select last_number from request_number_sequences"
                + " where prefix = ? and fiscal_year = ?",
            Integer.class,
            prefix,
            fiscalYear);
    return String.format("%s-%d-%04d", prefix, fiscalYear, number);
  }

  private int increment(String prefix, int fiscalYear) {
    return jdbc.update(
        "update request_number_sequences set last_number = last_number + 1"
            + " where prefix = ? and fiscal_year = ?",
        prefix,
        fiscalYear);
  }

  /**
   * Creates the year's row at 0 unless another transaction has created it. PostgreSQL aborts a
   * whole transaction on a duplicate key, so there the insert itself gives way ({@code on conflict
   * do nothing}, after waiting for the other transaction); H2 rolls back only the failed statement,
   * so there the duplicate key is simply the sign that the row is there.
   */
  private void createYear(String prefix, int fiscalYear) {
    if (postgres) {
      jdbc.update(
          "insert into request_number_sequences (prefix, fiscal_year, last_number)"
              + " values (?, ?, 0) on conflict do nothing",
          prefix,
          fiscalYear);
      return;
    }
    try {
      jdbc.update(
          "insert into request_number_sequences (prefix, fiscal_year, last_number)"
              + " values (?, ?, 0)",
          prefix,
          fiscalYear);
    } catch (DuplicateKeyException createdByAnother) {
      // Another start of the same moment created it; the update that follows waits for its lock.
    }
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database holds the number sequences", e);
    }
  }
}
