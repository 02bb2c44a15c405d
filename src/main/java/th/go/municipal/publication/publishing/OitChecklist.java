package th.go.municipal.publication.publishing;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.MunicipalityProperties.OitItem;

/**
 * The ITA/OIT checklist of a fiscal year: each indicator of that year's list with its evidence (the
 * published items that cite it), what is missing and what is still to come. An indicator without a
 * period needs one item on the website; a periodic one needs one item for each period that has
 * ended (a monthly procurement summary for every month gone by, a six-month report once March is
 * over, a yearly one by 30 September).
 */
@Service
@Transactional(readOnly = true)
public class OitChecklist {

  /** Evidence items listed per indicator, newest first, at most. */
  static final int LISTED = 10;

  /** Where an indicator stands on the day the checklist is made. */
  public enum Status {
    /** As much evidence as is due by now. */
    COMPLETE,
    /** Less evidence than is due by now. */
    MISSING,
    /** Nothing due yet (a yearly report before the year ends), none published yet. */
    NOT_YET_DUE
  }

  /** One published item that cites the indicator. */
  public record Evidence(
      String businessKey,
      String title,
      String publicUrl,
      Instant publishedAt,
      String publishedAtThai,
      boolean withdrawn) {}

  /** One indicator of the checklist. */
  public record Indicator(
      String code,
      String name,
      String due,
      String dueThai,
      long required,
      long found,
      Status status,
      String statusThai,
      List<Evidence> evidence) {}

  /** The checklist of a fiscal year as of a day (today, or the year's last day once it is over). */
  public record Checklist(
      int fiscalYear,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      long complete,
      long missing,
      long notYetDue,
      List<Indicator> indicators) {}

  private final EntityManager entityManager;
  private final MunicipalityProperties municipality;

  OitChecklist(EntityManager entityManager, MunicipalityProperties municipality) {
    this.entityManager = entityManager;
    this.municipality = municipality;
  }

  public Checklist of(int fiscalYear, LocalDate today) {
    LocalDate from = LocalDate.of(fiscalYear - 543 - 1, 10, 1);
    LocalDate to = from.plusYears(1).minusDays(1);
    LocalDate asOf = today.isAfter(to) ? to : today;
    Instant start = from.atStartOfDay(ThaiDates.BANGKOK).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant();
    Map<String, Long> inYear = counts(start, end);
    Map<String, Long> visible = visibleCounts(asOf);
    List<Indicator> indicators =
        municipality.oitItemsFor(fiscalYear).stream()
            .map(item -> indicator(item, from, asOf, start, end, inYear, visible))
            .toList();
    return new Checklist(
        fiscalYear,
        from,
        to,
        asOf,
        indicators.stream().filter(i -> i.status() == Status.COMPLETE).count(),
        indicators.stream().filter(i -> i.status() == Status.MISSING).count(),
        indicators.stream().filter(i -> i.status() == Status.NOT_YET_DUE).count(),
        indicators);
  }

  private Indicator indicator(
      OitItem item,
      LocalDate from,
      LocalDate asOf,
      Instant start,
      Instant end,
      Map<String, Long> inYear,
      Map<String, Long> visible) {
    String due = item.due() == null ? "ongoing" : item.due();
    long required = required(due, from, asOf);
    long found =
        due.equals("ongoing")
            ? visible.getOrDefault(item.code(), 0L)
            : inYear.getOrDefault(item.code(), 0L);
    Status status;
    if (found >= Math.max(1, required)) {
      status = Status.COMPLETE;
    } else if (required == 0) {
      status = Status.NOT_YET_DUE;
    } else {
      status = Status.MISSING;
    }
    return new Indicator(
        item.code(),
        item.name(),
        due,
        dueThai(due),
        required,
        found,
        status,
        switch (status) {
          case COMPLETE -> "ครบ";
          case MISSING -> "ยังขาด";
          case NOT_YET_DUE -> "ยังไม่ถึงกำหนด";
        },
        evidence(item.code(), due.equals("ongoing") ? null : start, end));
  }

  /** How many items are due by the day: one per period of the year that has ended. */
  static long required(String due, LocalDate from, LocalDate asOf) {
    long monthsEnded =
        Math.max(
            0, YearMonth.from(from).until(YearMonth.from(asOf.plusDays(1)), ChronoUnit.MONTHS));
    return switch (due) {
      case "monthly" -> monthsEnded;
      case "quarterly" -> monthsEnded / 3;
      case "half-yearly" -> monthsEnded >= 6 ? 1 : 0;
      case "yearly" -> monthsEnded >= 12 ? 1 : 0;
      default -> 1;
    };
  }

  static String dueThai(String due) {
    return switch (due) {
      case "monthly" -> "ทุกเดือน";
      case "quarterly" -> "ทุกไตรมาส";
      case "half-yearly" -> "รอบ 6 เดือน (หลัง 31 มี.ค.)";
      case "yearly" -> "ปีละครั้ง (ภายใน 30 ก.ย.)";
      default -> "มีบนเว็บไซต์ตลอดเวลา";
    };
  }

  private Map<String, Long> counts(Instant start, Instant end) {
    return grouped(
        entityManager
            .createQuery(
                "select i.oitItem, count(i) from PublishedItem i where i.oitItem is not null"
                    + " and i.publishedAt >= :start and i.publishedAt < :end group by i.oitItem",
                Object[].class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList());
  }

  private Map<String, Long> visibleCounts(LocalDate day) {
    return grouped(
        entityManager
            .createQuery(
                "select i.oitItem, count(i) from PublishedItem i where i.oitItem is not null and "
                    + PublishedItemRepository.VISIBLE
                    + " group by i.oitItem",
                Object[].class)
            .setParameter("day", day)
            .getResultList());
  }

  private List<Evidence> evidence(String code, Instant start, Instant end) {
    String period = start == null ? "" : " and i.publishedAt >= :start";
    var query =
        entityManager
            .createQuery(
                "select i from PublishedItem i where i.oitItem = :code and i.publishedAt < :end"
                    + period
                    + " order by i.publishedAt desc",
                PublishedItem.class)
            .setParameter("code", code)
            .setParameter("end", end)
            .setMaxResults(LISTED);
    if (start != null) {
      query.setParameter("start", start);
    }
    return query.getResultList().stream()
        .map(
            i ->
                new Evidence(
                    i.getBusinessKey(),
                    i.getTitle(),
                    i.getPublicUrl(),
                    i.getPublishedAt(),
                    ThaiDates.dateTime(i.getPublishedAt()),
                    i.isWithdrawn()))
        .toList();
  }

  private static Map<String, Long> grouped(List<Object[]> rows) {
    Map<String, Long> counts = new HashMap<>();
    rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }
}
