package th.go.municipal.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Counts the SQL statements and commits that pass through a data source, by kind and table ({@code
 * insert ACT_HI_DETAIL}, {@code select … for update audit_chain_head}), for the cycle benchmark's
 * profile. A JDBC proxy of a few lines: the profile needs counts, not a logging library in the
 * service's jar.
 */
final class SqlCounter {

  private static final Pattern TABLE =
      Pattern.compile(
          "^\\s*(select|insert\\s+into|update|delete\\s+from|merge\\s+into)\\b(.*)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FROM =
      Pattern.compile("\\bfrom\\s+([a-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_WORD =
      Pattern.compile("^\\s*([a-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  DataSource wrap(DataSource target) {
    return proxy(
        DataSource.class,
        target,
        (method, args, result) -> {
          if (result instanceof Connection connection) {
            return connection(connection);
          }
          return result;
        });
  }

  void reset() {
    counts.clear();
  }

  /** Count per kind and table, sorted by name. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }

  private Connection connection(Connection target) {
    return proxy(
        Connection.class,
        target,
        (method, args, result) -> {
          String name = method.getName();
          if (name.equals("commit")) {
            count("commit");
          } else if (name.equals("rollback")) {
            count("rollback");
          } else if (name.equals("prepareStatement") || name.equals("prepareCall")) {
            String sql = (String) args[0];
            return proxy(
                (Class<Statement>) (Class<?>) method.getReturnType(),
                (Statement) result,
                (call, callArgs, answer) -> {
                  // A batch counts each of its rows, as if sent one by one.
                  String called = call.getName();
                  if (called.equals("addBatch")
                      || (called.startsWith("execute") && !called.contains("Batch"))) {
                    count(kind(sql));
                  }
                  return answer;
                });
          } else if (name.equals("createStatement")) {
            return proxy(
                Statement.class,
                (Statement) result,
                (call, callArgs, answer) -> {
                  if (call.getName().startsWith("execute")
                      && callArgs != null
                      && callArgs.length > 0
                      && callArgs[0] instanceof String sql) {
                    count(kind(sql));
                  }
                  return answer;
                });
          }
          return result;
        });
  }

  private void count(String key) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  static String kind(String sql) {
    Matcher statement = TABLE.matcher(sql);
    if (!statement.find()) {
      return "other";
    }
    String verb = statement.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+.*", "");
    String rest = statement.group(2);
    Matcher table = verb.equals("select") ? FROM.matcher(rest) : FIRST_WORD.matcher(rest);
    String name = table.find() ? table.group(1).replace("\"", "") : "?";
    boolean locking = verb.equals("select") && sql.toLowerCase(Locale.ROOT).contains("for update");
    return verb + (locking ? " … for update " : " ") + name.toUpperCase(Locale.ROOT);
  }

  /** What a proxy does after the real call: may replace the result. */
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException failure) {
            throw failure.getCause();
          }
          return after.apply(method, args, result);
        };
    return (T)
        Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
