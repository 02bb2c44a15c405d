package th.go.municipal.publication.website;

import jakarta.annotation.PreDestroy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.ThaiDates;

/**
 * Counts website visits per page and day, and the day's unique visitors, for the monitoring report
 * (announcement 2.3). A visit costs one map lookup, an increment and a keyed hash; the counts are
 * written to page_visits in one batch every flush interval (and at shutdown), adding to what other
 * nodes wrote, and announced as {@link PageVisitsCounted} in the same transaction. Bots are not
 * counted.
 *
 * <p>Unique visitors without personal data: a visitor is the HMAC-SHA256 of address and user agent
 * under a random salt made for the day, kept in memory only as 64 bits in the day's set; at the
 * day's end salt and set are dropped, so no hash can be linked to a person or to another day. Only
 * the count leaves memory. A visitor who reaches two nodes of a cluster on one day counts on each.
 */
@Component
public class VisitCounter implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(VisitCounter.class);

  /** User agents of crawlers, monitors and scripts; an empty user agent is not a person either. */
  private static final Pattern BOT =
      Pattern.compile(
          "(?i)bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|monitor|uptime|pingdom|headless"
              + "|curl|wget|python|java/|okhttp|go-http|httpclient|libwww|scrapy|axios|node-fetch|wrk|ab/|k6|lighthouse");

  /** The website's pages that show one thing: an item, a category's list, an indicator's list. */
  private static final Pattern ITEM = Pattern.compile("/items/([^/]+)");

  private static final Pattern CATEGORY = Pattern.compile("/categories/([^/]+)");
  private static final Pattern OIT = Pattern.compile("/oit/([^/]+)");

  /**
   * Distinct (day, page) pairs kept between flushes, at most; a flood of made-up paths cannot
   * exhaust memory.
   */
  static final int MAX_KEYS = 10_000;

  /** Visitors remembered per day, at most (about 6 MB); past it, more are not counted as new. */
  static final int MAX_VISITORS_PER_DAY = 100_000;

  private record Key(LocalDate day, String path) {}

  /** The day's salt and the visitors seen so far on it. */
  private record VisitorDay(LocalDate day, SecretKeySpec salt, Set<Long> seen) {}

  private final ConcurrentHashMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LocalDate, LongAdder> newVisitors = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final ThreadLocal<Mac> macs = new ThreadLocal<>();
  private volatile VisitorDay visitorDay;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration flushInterval;

  VisitCounter(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock,
      WebsiteProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
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
  public void count(String path, String userAgent, String remoteAddress) {
    if (isBot(userAgent)) {
      return;
    }
    LocalDate day = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    Key key = new Key(day, path);
    LongAdder adder = counts.get(key);
    if (adder == null) {
      if (counts.size() >= MAX_KEYS) {
        return;
      }
      adder = counts.computeIfAbsent(key, k -> new LongAdder());
    }
    adder.increment();
    countVisitor(day, remoteAddress + "\n" + userAgent);
  }

  private void countVisitor(LocalDate day, String visitor) {
    VisitorDay current = visitorDay(day);
    if (current.seen().size() >= MAX_VISITORS_PER_DAY) {
      return;
    }
    if (current.seen().add(hash(current.salt(), visitor))) {
      newVisitors.computeIfAbsent(day, d -> new LongAdder()).increment();
    }
  }

  /** Today's salt and set; a new day drops yesterday's, which nothing can then be linked to. */
  private VisitorDay visitorDay(LocalDate day) {
    VisitorDay current = visitorDay;
    if (current != null && current.day().equals(day)) {
      return current;
    }
    synchronized (this) {
      if (visitorDay == null || !visitorDay.day().equals(day)) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        visitorDay = new VisitorDay(day, new SecretKeySpec(salt, "HmacSHA256"), newSet());
      }
      return visitorDay;
    }
  }

  private static Set<Long> newSet() {
    return ConcurrentHashMap.newKeySet();
  }

  private long hash(SecretKeySpec salt, String visitor) {
    try {
      Mac mac = macs.get();
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
        macs.set(mac);
      }
      mac.init(salt);
      return ByteBuffer.wrap(mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8))).getLong();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform has HmacSHA256", e);
    }
  }

  /**
   * Writes the counts gathered since the last flush and announces them; what fails to be written is
   * kept for the next one.
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
    Map<LocalDate, Long> visitors = new HashMap<>();
    for (LocalDate day : newVisitors.keySet()) {
      LongAdder adder = newVisitors.remove(day);
      if (adder != null && adder.sum() > 0) {
        visitors.merge(day, adder.sum(), Long::sum);
      }
    }
    if (batch.isEmpty() && visitors.isEmpty()) {
      return;
    }
    try {
      transaction.executeWithoutResult(
          status -> {
            batch.forEach(this::add);
            events.publishEvent(announcement(batch, visitors));
          });
      log.debug("Wrote visits of {} pages", batch.size());
    } catch (RuntimeException e) {
      log.warn(
          "Could not write {} visit counts; keeping them for the next flush: {}",
          batch.size(),
          e.getMessage());
      batch.forEach((key, n) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(n));
      visitors.forEach((day, n) -> newVisitors.computeIfAbsent(day, d -> new LongAdder()).add(n));
    }
  }

  private static PageVisitsCounted announcement(
      Map<Key, Long> batch, Map<LocalDate, Long> visitors) {
    List<PageVisitsCounted.PageVisits> pages = new ArrayList<>(batch.size());
    batch.forEach(
        (key, n) ->
            pages.add(
                new PageVisitsCounted.PageVisits(
                    key.day(),
                    key.path(),
                    group(ITEM, key.path()),
                    group(CATEGORY, key.path()),
                    group(OIT, key.path()),
                    n)));
    List<PageVisitsCounted.DayVisitors> days = new ArrayList<>(visitors.size());
    visitors.forEach((day, n) -> days.add(new PageVisitsCounted.DayVisitors(day, n)));
    return new PageVisitsCounted(pages, days);
  }

  private static String group(Pattern pattern, String path) {
    Matcher matcher = pattern.matcher(path);
    return matcher.matches() ? matcher.group(1) : null;
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
