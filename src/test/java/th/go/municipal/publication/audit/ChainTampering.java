package th.go.municipal.publication.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Edits the database behind the application's back, as someone with direct database access would,
 * and puts it back afterwards so that later tests on the same database find an intact trail.
 */
public final class ChainTampering {

  private final JdbcTemplate jdbc;

  public ChainTampering(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets one column of one row; the returned action sets it back. */
  public Runnable edit(String table, String column, Object value, String idColumn, Object id) {
    Object before =
        jdbc.queryForObject(
            "select " + column + " from " + table + " where " + idColumn + " = ?",
            Object.class,
            id);
    jdbc.update(
        "update " + table + " set " + column + " = ? where " + idColumn + " = ?", value, id);
    return () ->
        jdbc.update(
            "update " + table + " set " + column + " = ? where " + idColumn + " = ?", before, id);
  }

  /** Deletes the newest audit entries; the returned action inserts them again as they were. */
  public Runnable deleteNewestEntries(int count) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select * from audit_entries order by id desc").stream()
            .limit(count)
            .toList();
    long oldest = ((Number) rows.get(rows.size() - 1).get("ID")).longValue();
    jdbc.update("delete from audit_entries where id >= ?", oldest);
    return () -> {
      for (Map<String, Object> row : rows) {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        jdbc.update(
            "insert into audit_entries (" + columns + ") values (" + marks + ")",
            row.values().toArray());
      }
    };
  }

  public long newestSignatureId(String businessKey) {
    return jdbc.queryForObject(
        "select max(id) from request_signatures where business_key = ?", Long.class, businessKey);
  }
}
