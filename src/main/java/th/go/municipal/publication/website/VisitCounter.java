package th.go.municipal.publication.website;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Counts website visits per page and day for the monitoring report (announcement 2.3). A visit
 * costs one map lookup and an increment; the counts are written to page_visits in one batch every
 * flush interval (and at shutdown), adding to what other nodes wrote. Bots are not counted.
 */
@Component
public class VisitCounter implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(VisitCounter.class);

  /** User agents of crawlers, monitors and scripts; an empty user agent is not a person either. */
  private static final Pattern BOT =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|monitor|uptime|pingdom|headless"
              + "|curl|wget|python|java/|okhttp|go-http|httpclient|libwww|scrapy|axios|node-fetch|wrk|ab/|k6|lighthouse");

  /**
   * Distinct (day, page) pairs kept between flushes, at most; a flood of made-up paths cannot
   * exhaust memory.
   */
  static final int MAX_KEYS = 10_000;

  private record Key(LocalDate day, String path) {}

  private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Duration flushInterval;

  VisitCounter(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      Clock clock,
      WebsiteProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.flushInterval = properties.getVisits().getFlushInterval();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::flush, flushInterval);
  }

  public static boolean isBot(String userAgent) {
    return userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find();
  }

  /** Counts one visit of a page by a person; visits of bots are ignored. */
  public void count(String path, String userAgent) {
    if (isBot(userAgent)) {
      return;
    }
    Key key = new Key(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)), path);
    LongAdder adder = counts.get(key);
    if (adder == null) {
      if (counts.size() >= MAX_KEYS) {
        return;
      }
      adder = counts.computeIfAbsent(key, k -> new LongAdder());
    }
    adder.increment();
  }

  /**
   * Writes the counts gathered since the last flush; what fails to be written is kept for the next
   * one.
   */
  @PreDestroy
  public void flush() {
    Map<Key, Long> batch = new HashMap<>();
    for (Key key : counts.keySet()) {
      LongAdder adder = counts.remove(key);
      if (adder != null && adder.sum() > 0) {
        batch.merge(key, adder.sum(), Long::sum);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> batch.forEach(this::add));
      log.debug("Wrote visits of {} pages", batch.size());
    } catch (RuntimeException e) {
      log.warn(
          "Could not write {} visit counts; keeping them for the next flush: {}",
          batch.size(),
          e.getMessage());
      batch.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
    }
  }

  private void add(Key key, long visits) {
    int updated =
        jdbc.update(
            "update page_visits set visits = visits + ? where visit_day = ? and path = ?",
            visits,
            key.day(),
            key.path());
    if (updated == 0) {
      jdbc.update(
          "insert into page_visits (visit_day, path, visits) values (?, ?, ?)",
          key.day(),
          key.path(),
          visits);
    }
  }

  /** Visits written so far for a day (for reports and tests). */
  public long visitsOn(LocalDate day) {
    Long total =
        jdbc.queryForObject(
            "select coalesce(sum(visits), 0) from page_visits where visit_day = ?",
            Long.class,
            day);
    return total == null ? 0 : total;
  }
}
