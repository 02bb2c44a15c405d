package th.go.municipal.publication.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.incident.IncidentRaised;
import th.go.municipal.publication.inquiry.InquiryAnswered;
import th.go.municipal.publication.inquiry.InquiryReceived;
import th.go.municipal.publication.publishing.ItemPublished;
import th.go.municipal.publication.publishing.ItemTakenDown;
import th.go.municipal.publication.publishing.PublishedItems;
import th.go.municipal.publication.request.RequestStepSigned;
import th.go.municipal.publication.website.PageVisitsCounted;

/**
 * Keeps the report's counters as the data arrives: each capability announces what happened in the
 * transaction that recorded it, and this adds to the counters in that same transaction, so a count
 * is there exactly when the fact is (a publication rolled back is not counted).
 */
@Component
class ReportRecorder {

  static final String PUBLISHED = "published";
  static final String WITHDRAWN = "withdrawn";
  static final String VIEWS = "views";
  static final String VISITORS = "visitors";
  static final String INQUIRIES = "inquiries";
  static final String ANSWERED_ON_TIME = "answered_on_time";
  static final String ANSWERED_LATE = "answered_late";
  static final String INCIDENTS = "incidents";
  static final String RETURNED = "returned";
  static final String REJECTED = "rejected";
  static final String DURATION = "duration:";

  static final String CATEGORY = "category:";
  static final String OIT = "oit:";
  static final String KIND = "kind:";
  static final String STEP = "step:";
  static final String BUCKET = "bucket:";

  private final ReportCounters counters;
  private final PublishedItems published;
  private final JdbcTemplate jdbc;

  ReportRecorder(ReportCounters counters, PublishedItems published, JdbcTemplate jdbc) {
    this.counters = counters;
    this.published = published;
    this.jdbc = jdbc;
  }

  @EventListener
  void onPublished(ItemPublished item) {
    counters.add(
        itemCounts(
            day(item.publishedAt()),
            PUBLISHED,
            item.unit(),
            item.category(),
            item.oitItem(),
            1,
            new HashMap<>()));
  }

  @EventListener
  void onTakenDown(ItemTakenDown item) {
    counters.add(
        itemCounts(
            day(item.takenDownAt()),
            WITHDRAWN,
            item.unit(),
            item.category(),
            item.oitItem(),
            1,
            new HashMap<>()));
  }

  /**
   * Views of an item count for its unit, category and indicator; views of a category's or an
   * indicator's list count for that category or indicator; every page counts in the total.
   */
  @EventListener
  void onVisits(PageVisitsCounted batch) {
    Set<String> keys = new HashSet<>();
    batch.pages().stream().filter(p -> p.itemKey() != null).forEach(p -> keys.add(p.itemKey()));
    Map<String, PublishedItems.Attributes> items = published.attributes(keys);
    Map<ReportCounters.Key, Long> deltas = new HashMap<>();
    for (PageVisitsCounted.PageVisits page : batch.pages()) {
      PublishedItems.Attributes item = page.itemKey() == null ? null : items.get(page.itemKey());
      if (item != null) {
        itemCounts(
            page.day(), VIEWS, item.unit(), item.category(), item.oitItem(), page.visits(), deltas);
      } else {
        itemCounts(page.day(), VIEWS, "", page.category(), page.oitItem(), page.visits(), deltas);
      }
    }
    for (PageVisitsCounted.DayVisitors day : batch.visitors()) {
      deltas.merge(
          new ReportCounters.Key(day.day(), "", VISITORS, ""), day.newVisitors(), Long::sum);
    }
    counters.add(deltas);
  }

  @EventListener
  void onInquiryReceived(InquiryReceived inquiry) {
    Map<ReportCounters.Key, Long> deltas = new HashMap<>();
    count(deltas, inquiry.receivedOn(), inquiry.unit(), INQUIRIES, "", 1);
    count(deltas, inquiry.receivedOn(), inquiry.unit(), INQUIRIES, KIND + inquiry.kind().code, 1);
    counters.add(deltas);
  }

  /** Counted under the day the request was received: of what came in, how much was answered. */
  @EventListener
  void onInquiryAnswered(InquiryAnswered answer) {
    String measure = answer.onTime() ? ANSWERED_ON_TIME : ANSWERED_LATE;
    Map<ReportCounters.Key, Long> deltas = new HashMap<>();
    count(deltas, answer.receivedOn(), answer.unit(), measure, "", 1);
    count(deltas, answer.receivedOn(), answer.unit(), measure, KIND + answer.kind().code, 1);
    counters.add(deltas);
  }

  @EventListener
  void onIncident(IncidentRaised incident) {
    counters.add(
        Map.of(
            new ReportCounters.Key(day(incident.raisedAt()), incident.unit(), INCIDENTS, ""), 1L));
  }

  /**
   * How long the step waited from its arrival to its signature, and returns and rejections with
   * their reasons.
   */
  @EventListener
  void onStepSigned(RequestStepSigned step) {
    LocalDate day = day(step.signedAt());
    Map<ReportCounters.Key, Long> deltas = new HashMap<>();
    int bucket = DurationBuckets.bucketOf(Duration.between(step.arrivedAt(), step.signedAt()));
    count(deltas, day, step.unit(), DURATION + step.step(), BUCKET + bucket, 1);
    if (step.returned() || step.rejected()) {
      String measure = step.returned() ? RETURNED : REJECTED;
      count(deltas, day, step.unit(), measure, "", 1);
      count(deltas, day, step.unit(), measure, STEP + step.step(), 1);
      jdbc.update(
          "insert into report_decisions (business_key, unit, step, decision, reason, decided_by,"
              + " decided_at, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?)",
          step.businessKey(),
          step.unit(),
          step.step(),
          step.decision(),
          step.comment(),
          step.signedBy(),
          Timestamp.from(step.signedAt()),
          Date.valueOf(day));
    }
    counters.add(deltas);
  }

  private static Map<ReportCounters.Key, Long> itemCounts(
      LocalDate day,
      String measure,
      String unit,
      String category,
      String oitItem,
      long n,
      Map<ReportCounters.Key, Long> deltas) {
    count(deltas, day, unit, measure, "", n);
    if (category != null) {
      count(deltas, day, unit, measure, CATEGORY + category, n);
    }
    if (oitItem != null) {
      count(deltas, day, unit, measure, OIT + oitItem, n);
    }
    return deltas;
  }

  private static void count(
      Map<ReportCounters.Key, Long> deltas,
      LocalDate day,
      String unit,
      String measure,
      String dimension,
      long n) {
    deltas.merge(new ReportCounters.Key(day, unit, measure, dimension), n, Long::sum);
  }

  private static LocalDate day(Instant at) {
    return at.atZone(ThaiDates.BANGKOK).toLocalDate();
  }
}
