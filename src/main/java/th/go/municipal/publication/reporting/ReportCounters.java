package th.go.municipal.publication.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The report's numbers as counters in {@code report_counts}, one row per day and one per month for
 * each unit, measure and dimension. Each event adds to both in the transaction that recorded it; a
 * report reads the month rows of the months it covers whole and the day rows of the days at its
 * edges, so a fiscal year is twelve months of rows whatever happened in it.
 */
@Component
class ReportCounters {

  /** One counter of one day. */
  record Key(LocalDate day, String unit, String measure, String dimension)
      implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::day)
            .thenComparing(Key::unit)
            .thenComparing(Key::measure)
            .thenComparing(Key::dimension);

    Key {
      unit = unit == null ? "" : unit;
      dimension = dimension == null ? "" : dimension;
    }

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** A counter as read for a report: the month it falls in, and its value over the days read. */
  record Row(YearMonth month, String unit, String measure, String dimension, long n) {}

  private static final String POSTGRES_UPSERT =
      "insert into report_counts (period_kind, period_start, unit, measure, dimension, n)"
          + " values (?, ?, ?, ?, ?, ?) on conflict (period_kind, period_start, unit, measure,"
          + " dimension) do update set n = report_counts.n + excluded.n";

  /** H2 (the embedded default) has no ON CONFLICT; its MERGE does the same in one statement. */
  private static final String H2_UPSERT =
      "merge into report_counts t using (values (cast(? as char(1)), cast(? as date),"
          + " cast(? as varchar(64)), cast(? as varchar(48)), cast(? as varchar(48)),"
          + " cast(? as bigint))) s (period_kind, period_start, unit, measure, dimension, n)"
          + " on t.period_kind = s.period_kind and t.period_start = s.period_start"
          + " and t.unit = s.unit and t.measure = s.measure and t.dimension = s.dimension"
          + " when matched then update set n = t.n + s.n"
          + " when not matched then insert (period_kind, period_start, unit, measure, dimension, n)"
          + " values (s.period_kind, s.period_start, s.unit, s.measure, s.dimension, s.n)";

  private final JdbcTemplate jdbc;
  private final String upsert;

  ReportCounters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    String product =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    this.upsert = "PostgreSQL".equalsIgnoreCase(product) ? POSTGRES_UPSERT : H2_UPSERT;
  }

  /**
   * Adds to the day's and the month's counters. Inside a transaction the additions are gathered and
   * written just before it commits: the counter rows, which every event of a unit touches, are
   * locked only for that moment, and all the transaction's events make one batch. The rows are
   * written in one order whoever writes, so two transactions wait for each other instead of
   * deadlocking.
   */
  void add(Map<Key, Long> deltas) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(deltas);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<Key, Long> pending = (Map<Key, Long>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Map<Key, Long> gathered = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, gathered);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            // Before the audit chain, which locks its head last: every transaction then takes
            // the counters' rows before the head, and none waits for the other in a cycle.
            @Override
            public int getOrder() {
              return Ordered.LOWEST_PRECEDENCE - 1;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
              write(gathered);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(ReportCounters.this);
            }
          });
      pending = gathered;
    }
    Map<Key, Long> into = pending;
    deltas.forEach((key, n) -> into.merge(key, n, Long::sum));
  }

  private void write(Map<Key, Long> deltas) {
    TreeMap<Key, Long> sorted = new TreeMap<>(deltas);
    sorted.values().removeIf(n -> n == 0);
    if (sorted.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(sorted.size() * 2);
    TreeMap<Key, Long> months = new TreeMap<>();
    sorted.forEach(
        (key, n) ->
            months.merge(
                new Key(key.day().withDayOfMonth(1), key.unit(), key.measure(), key.dimension()),
                n,
                Long::sum));
    sorted.forEach((key, n) -> rows.add(row("D", key, n)));
    months.forEach((key, n) -> rows.add(row("M", key, n)));
    jdbc.batchUpdate(upsert, rows);
  }

  private static Object[] row(String kind, Key key, long n) {
    return new Object[] {
      kind, Date.valueOf(key.day()), key.unit(), key.measure(), key.dimension(), n
    };
  }

  /** The counters of the period, of one unit or (null) of all, summed per month. */
  List<Row> read(ReportPeriod period, String unit) {
    LocalDate end = period.to().plusDays(1);
    LocalDate firstWholeMonth =
        period.from().getDayOfMonth() == 1
            ? period.from()
            : period.from().withDayOfMonth(1).plusMonths(1);
    LocalDate endOfWholeMonths = end.getDayOfMonth() == 1 ? end : end.withDayOfMonth(1);
    List<Row> rows = new ArrayList<>();
    if (firstWholeMonth.isBefore(endOfWholeMonths)) {
      rows.addAll(select("M", firstWholeMonth, endOfWholeMonths, unit));
      rows.addAll(select("D", period.from(), firstWholeMonth, unit));
      rows.addAll(select("D", endOfWholeMonths, end, unit));
    } else {
      rows.addAll(select("D", period.from(), end, unit));
    }
    return rows;
  }

  private List<Row> select(String kind, LocalDate from, LocalDate until, String unit) {
    if (!from.isBefore(until)) {
      return List.of();
    }
    String sql =
        "select period_start, unit, measure, dimension, n from report_counts"
            + " where period_kind = ? and period_start >= ? and period_start < ?"
            + (unit == null ? "" : " and unit = ?");
    Object[] args =
        unit == null
            ? new Object[] {kind, Date.valueOf(from), Date.valueOf(until)}
            : new Object[] {kind, Date.valueOf(from), Date.valueOf(until), unit};
    return jdbc.query(
        sql,
        (rs, i) ->
            new Row(
                YearMonth.from(rs.getDate(1).toLocalDate()),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5)),
        args);
  }
}
