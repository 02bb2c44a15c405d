package th.go.municipal.publication.common;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Issues the numbers people read and quote: PR-2569-0001 for requests, IN-2569-0001 for incidents,
 * numbered per Thai fiscal year. The update takes a row lock, so concurrent starts on any node of a
 * cluster never share a number; the number is issued in the caller's transaction.
 */
@Service
public class ReferenceNumbers {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ReferenceNumbers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public String next(String prefix) {
    int fiscalYear = ThaiDates.fiscalYear(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
    int updated =
        jdbc.update(
            "update request_number_sequences set last_number = last_number + 1"
                + " where prefix = ? and fiscal_year = ?",
            prefix,
            fiscalYear);
    if (updated == 0) {
      jdbc.update(
          "insert into request_number_sequences (prefix, fiscal_year, last_number) values (?, ?, 1)",
          prefix,
          fiscalYear);
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
}
