package th.go.municipal.publication.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.inquiry.InquiryAnswered;
import th.go.municipal.publication.inquiry.InquiryKind;
import th.go.municipal.publication.inquiry.InquiryReceived;
import th.go.municipal.publication.publishing.ItemPublished;
import th.go.municipal.publication.publishing.ItemTakenDown;
import th.go.municipal.publication.request.RequestStepSigned;
import th.go.municipal.publication.website.PageVisitsCounted;

/**
 * Item 6 of issue 10: the monitoring report of a fiscal year with 100,000 published items, 10
 * million page visits and 50,000 information requests, p95 of the warm report over HTTP, next to
 * the same numbers computed in the same run by plain SQL aggregates over the raw tables. The data
 * is written twice, as production writes it: the raw rows in the owners' tables, and the events
 * that the owners announce, which the report's recorder turns into counters. Run with {@code bash
 * src/bench/report-benchmark.sh}; skipped in the normal build.
 */
@SpringBootTest(
    properties = {
      // A file database, as the embedded default runs; a new one each run.
      "spring.datasource.url=jdbc:h2:file:./target/report-benchmark/${random.uuid};DB_CLOSE_DELAY=-1"
    })
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MonitoringReportBenchmark {

  static final int FISCAL_YEAR = 2569;
  static final LocalDate FIRST_DAY = LocalDate.of(2025, 10, 1);
  static final int DAYS = 365;
  static final int ITEMS = Integer.getInteger("benchmark.items", 100_000);
  static final long VISITS = Long.getLong("benchmark.visits", 10_000_000L);
  static final int INQUIRIES = Integer.getInteger("benchmark.inquiries", 50_000);
  static final int RUNS = Integer.getInteger("benchmark.runs", 200);
  static final int BASELINE_RUNS = Integer.getInteger("benchmark.baseline-runs", 10);
  static final String[] UNITS = {"clerk", "finance", "engineering", "education", "health", "audit"};
  static final String[] CATEGORIES = {
    "structure", "powers", "contact", "rules", "plans", "procurement", "other"
  };
  static final String[] STEPS = {"prepareRequest", "approveRequest", "publishRequest"};

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired MockMvc mvc;
  @Autowired MonitoringReports reports;
  @Autowired ReportCounters counters;

  private final Random random = new Random(2569);
  private final ObjectMapper json = new ObjectMapper();

  /** Per item: its unit, category and indicator, by index. */
  private String[] unitOf;

  private String[] categoryOf;
  private String[] oitOf;

  @Test
  void fiscalYearReportAnswersInTwoHundredMillisecondsAtP95() throws Exception {
    long seedStart = System.nanoTime();
    seedItems();
    seedVisits();
    seedInquiries();
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    JsonNode report = report();
    Map<String, Long> baseline = baseline();
    assertThat(report.at("/totals/published").asLong()).isEqualTo(baseline.get("published"));
    assertThat(report.at("/totals/withdrawn").asLong()).isEqualTo(baseline.get("withdrawn"));
    assertThat(report.at("/totals/pageViews").asLong())
        .isEqualTo(baseline.get("views"))
        .isEqualTo(VISITS);
    assertThat(report.at("/totals/inquiries").asLong()).isEqualTo(baseline.get("inquiries"));
    assertThat(report.at("/totals/answeredOnTime").asLong()).isEqualTo(baseline.get("onTime"));
    assertThat(report.at("/totals/answeredLate").asLong()).isEqualTo(baseline.get("late"));
    for (JsonNode unit : report.get("units")) {
      String id = unit.get("unit").asText();
      assertThat(unit.get("published").asLong()).isEqualTo(baseline.get("published:" + id));
      assertThat(unit.get("pageViews").asLong()).isEqualTo(baseline.get("views:" + id));
    }
    for (JsonNode category : report.get("categories")) {
      assertThat(category.get("pageViews").asLong())
          .isEqualTo(baseline.getOrDefault("views:category:" + category.get("id").asText(), 0L));
    }

    long[] fast = time(RUNS, 20, this::answer);
    long[] service =
        time(RUNS, 5, () -> reports.report(ReportPeriod.fiscalYear(FISCAL_YEAR), null));
    long[] read = time(RUNS, 5, () -> counters.read(ReportPeriod.fiscalYear(FISCAL_YEAR), null));
    long[] slow = time(BASELINE_RUNS, 2, this::baseline);
    System.out.printf(
        Locale.ROOT,
        "%n=== Monitoring report, fiscal year %d: %,d items, %,d page visits (%,d rows), %,d information"
            + " requests; seeded in %ds ===%n"
            + "report from counters (GET /api/reports/monitoring, JSON): p50 %d ms, p95 %d ms, max %d ms"
            + " over %d runs%n"
            + "baseline, plain SQL over the raw tables (counts only):       p50 %d ms, p95 %d ms, max %d ms"
            + " over %d runs%n"
            + "  of which the report service: p50 %d ms, p95 %d ms; reading its counters: p50 %d ms,"
            + " p95 %d ms%n"
            + "counter rows read for the year: %,d%n%n",
        FISCAL_YEAR,
        ITEMS,
        VISITS,
        jdbc.queryForObject("select count(*) from page_visits", Long.class),
        INQUIRIES,
        seeding.toSeconds(),
        percentile(fast, 50),
        percentile(fast, 95),
        fast[fast.length - 1],
        RUNS,
        percentile(slow, 50),
        percentile(slow, 95),
        slow[slow.length - 1],
        BASELINE_RUNS,
        percentile(service, 50),
        percentile(service, 95),
        percentile(read, 50),
        percentile(read, 95),
        jdbc.queryForObject(
            "select count(*) from report_counts where period_kind = 'M' and period_start >= ?"
                + " and period_start < ?",
            Long.class,
            Date.valueOf(FIRST_DAY),
            Date.valueOf(FIRST_DAY.plusYears(1))));
    assertThat(percentile(fast, 95))
        .as("p95 of the fiscal-year report, ms")
        .isLessThanOrEqualTo(200);
  }

  // --- the report, and the baseline ---

  private JsonNode report() {
    try {
      return json.readTree(answer());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report as the server answers it (the bytes of the JSON; reading them is the client's). */
  private byte[] answer() {
    try {
      return mvc.perform(
              get("/api/reports/monitoring?fiscalYear=" + FISCAL_YEAR)
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString("mayor:demo".getBytes(StandardCharsets.UTF_8))))
          .andReturn()
          .getResponse()
          .getContentAsByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same counts straight from published_items, page_visits and information_requests. */
  private Map<String, Long> baseline() {
    Timestamp from = Timestamp.from(FIRST_DAY.atStartOfDay(ThaiDates.BANGKOK).toInstant());
    Timestamp until =
        Timestamp.from(FIRST_DAY.plusYears(1).atStartOfDay(ThaiDates.BANGKOK).toInstant());
    Date firstDay = Date.valueOf(FIRST_DAY);
    Date lastDay = Date.valueOf(FIRST_DAY.plusYears(1).minusDays(1));
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(
        "select unit, category, oit_item, count(*) from published_items"
            + " where published_at >= ? and published_at < ? group by unit, category, oit_item",
        rs -> {
          add(counts, "published", rs.getString(1), rs.getString(2), rs.getLong(4));
        },
        from,
        until);
    jdbc.query(
        "select unit, category, oit_item, count(*) from published_items"
            + " where withdrawn_at >= ? and withdrawn_at < ? group by unit, category, oit_item",
        rs -> {
          add(counts, "withdrawn", rs.getString(1), rs.getString(2), rs.getLong(4));
        },
        from,
        until);
    jdbc.query(
        "select i.unit, i.category, i.oit_item, sum(v.visits) from page_visits v"
            + " join published_items i on i.business_key = substr(v.path, 8)"
            + " where v.visit_day >= ? and v.visit_day <= ? and v.path like '/items/%'"
            + " group by i.unit, i.category, i.oit_item",
        rs -> {
          add(counts, "views", rs.getString(1), rs.getString(2), rs.getLong(4));
        },
        firstDay,
        lastDay);
    jdbc.query(
        "select path, sum(visits) from page_visits"
            + " where visit_day >= ? and visit_day <= ? and path not like '/items/%'"
            + " group by path",
        rs -> {
          counts.merge("views", rs.getLong(2), Long::sum);
          if (rs.getString(1).startsWith("/categories/")) {
            counts.merge(
                "views:category:" + rs.getString(1).substring(12), rs.getLong(2), Long::sum);
          }
        },
        firstDay,
        lastDay);
    jdbc.query(
        "select unit, kind, count(*), sum(case when answered_at <= due_at then 1 else 0 end),"
            + " sum(case when answered_at > due_at then 1 else 0 end) from information_requests"
            + " where received_on >= ? and received_on <= ? group by unit, kind",
        rs -> {
          counts.merge("inquiries", rs.getLong(3), Long::sum);
          counts.merge("onTime", rs.getLong(4), Long::sum);
          counts.merge("late", rs.getLong(5), Long::sum);
        },
        firstDay,
        lastDay);
    return counts;
  }

  private static void add(
      Map<String, Long> counts, String measure, String unit, String category, long n) {
    counts.merge(measure, n, Long::sum);
    counts.merge(measure + ":" + unit, n, Long::sum);
    counts.merge(measure + ":category:" + category, n, Long::sum);
  }

  // --- seeding ---

  private void seedItems() {
    unitOf = new String[ITEMS];
    categoryOf = new String[ITEMS];
    oitOf = new String[ITEMS];
    int batch = 2_000;
    for (int start = 0; start < ITEMS; start += batch) {
      int end = Math.min(ITEMS, start + batch);
      List<Object[]> rows = new ArrayList<>();
      List<Object> announced = new ArrayList<>();
      for (int i = start; i < end; i++) {
        unitOf[i] = UNITS[random.nextInt(UNITS.length)];
        categoryOf[i] = CATEGORIES[random.nextInt(CATEGORIES.length)];
        oitOf[i] = random.nextInt(10) < 3 ? null : "O" + (1 + random.nextInt(43));
        Instant at = moment(random.nextInt(DAYS));
        Instant withdrawn = random.nextInt(20) == 0 ? at.plus(Duration.ofDays(7)) : null;
        if (withdrawn != null && !withdrawn.isBefore(moment(DAYS))) {
          withdrawn = null;
        }
        rows.add(
            new Object[] {
              key(i),
              "ประกาศทดสอบ " + i,
              "รายละเอียด",
              categoryOf[i],
              oitOf[i],
              unitOf[i],
              "webmaster",
              Timestamp.from(at),
              "http://localhost:8080/items/" + key(i),
              withdrawn == null ? null : Timestamp.from(withdrawn)
            });
        announced.add(
            new ItemPublished(
                key(i),
                "ประกาศทดสอบ " + i,
                unitOf[i],
                categoryOf[i],
                oitOf[i],
                "http://localhost:8080/items/" + key(i),
                at));
        if (withdrawn != null) {
          announced.add(new ItemTakenDown(key(i), unitOf[i], categoryOf[i], oitOf[i], withdrawn));
        }
        Instant arrived = at.minus(Duration.ofHours(6 + random.nextInt(120)));
        for (String step : STEPS) {
          Instant signed = arrived.plus(Duration.ofMinutes(30 + random.nextInt(3_000)));
          boolean returned = step.equals("approveRequest") && random.nextInt(20) == 0;
          announced.add(
              new RequestStepSigned(
                  key(i),
                  unitOf[i],
                  "ประกาศทดสอบ " + i,
                  step,
                  returned ? "return" : "approve",
                  returned ? "กรุณาแก้ไขรายละเอียด" : null,
                  "head." + unitOf[i],
                  "reporter." + unitOf[i],
                  arrived,
                  signed));
          arrived = signed;
        }
      }
      transaction.executeWithoutResult(
          status -> {
            jdbc.batchUpdate(
                "insert into published_items (business_key, title, details, category, oit_item,"
                    + " unit, published_by, published_at, public_url, withdrawn_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
            announced.forEach(events::publishEvent);
          });
    }
  }

  /** Each day: the home page, the lists, and about 4,000 item pages, adding up to VISITS. */
  private void seedVisits() {
    long perDay = VISITS / DAYS;
    long left = VISITS;
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = FIRST_DAY.plusDays(d);
      long today = d == DAYS - 1 ? left : perDay;
      left -= today;
      Map<String, Long> pages = new HashMap<>();
      long rest = today;
      pages.put("/", today / 10);
      rest -= today / 10;
      for (String category : CATEGORIES) {
        pages.put("/categories/" + category, today / 200);
        rest -= today / 200;
      }
      while (rest > 0) {
        long n = Math.min(rest, 1 + random.nextInt(11));
        pages.merge("/items/" + key(random.nextInt(ITEMS)), n, Long::sum);
        rest -= n;
      }
      List<Object[]> rows = new ArrayList<>();
      List<PageVisitsCounted.PageVisits> announced = new ArrayList<>();
      pages.forEach(
          (path, n) -> {
            rows.add(new Object[] {Date.valueOf(day), path, n});
            announced.add(
                new PageVisitsCounted.PageVisits(
                    day,
                    path,
                    path.startsWith("/items/") ? path.substring(7) : null,
                    path.startsWith("/categories/") ? path.substring(12) : null,
                    null,
                    n));
          });
      transaction.executeWithoutResult(
          status -> {
            jdbc.batchUpdate(
                "insert into page_visits (visit_day, path, visits) values (?, ?, ?)", rows);
            events.publishEvent(
                new PageVisitsCounted(
                    announced, List.of(new PageVisitsCounted.DayVisitors(day, today / 4))));
          });
    }
  }

  private void seedInquiries() {
    InquiryKind[] kinds = InquiryKind.values();
    int batch = 2_000;
    for (int start = 0; start < INQUIRIES; start += batch) {
      int end = Math.min(INQUIRIES, start + batch);
      List<Object[]> rows = new ArrayList<>();
      List<Object> announced = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String reference = String.format(Locale.ROOT, "IR-%d-%06d", FISCAL_YEAR, i);
        String unit = UNITS[random.nextInt(UNITS.length)];
        InquiryKind kind = kinds[random.nextInt(kinds.length)];
        Instant received = moment(random.nextInt(DAYS));
        LocalDate receivedOn = received.atZone(ThaiDates.BANGKOK).toLocalDate();
        Instant due = receivedOn.plusDays(16).atStartOfDay(ThaiDates.BANGKOK).toInstant();
        Instant answered =
            random.nextInt(10) == 0 ? null : received.plus(Duration.ofDays(random.nextInt(20)));
        rows.add(
            new Object[] {
              reference,
              kind.code,
              unit,
              "เรื่องทดสอบ",
              "ข้อความ",
              "ผู้ขอ",
              "requester@example.com",
              Timestamp.from(received),
              "hash" + i,
              "nonce-" + reference,
              Timestamp.from(received),
              Date.valueOf(receivedOn),
              Timestamp.from(due),
              answered == null ? "RECEIVED" : "ANSWER_SENT",
              answered == null ? null : Timestamp.from(answered)
            });
        announced.add(new InquiryReceived(reference, unit, kind, receivedOn));
        if (answered != null) {
          announced.add(new InquiryAnswered(reference, unit, kind, receivedOn, answered, due));
        }
      }
      transaction.executeWithoutResult(
          status -> {
            jdbc.batchUpdate(
                "insert into information_requests (reference_number, kind, unit, subject, message,"
                    + " requester_name, requester_email, consent_at, requester_ip_hash, form_nonce,"
                    + " received_at, received_on, due_at, status, answered_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
            announced.forEach(events::publishEvent);
          });
    }
  }

  private Instant moment(int day) {
    return FIRST_DAY
        .plusDays(day)
        .atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60)))
        .atZone(ThaiDates.BANGKOK)
        .toInstant();
  }

  private static String key(int i) {
    return String.format(Locale.ROOT, "PR-%d-%06d", FISCAL_YEAR, i);
  }

  // --- timing ---

  private static long[] time(int runs, int warmUps, Supplier<?> action) {
    for (int i = 0; i < warmUps; i++) {
      action.get();
    }
    long[] millis = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.get();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
