package th.go.municipal.publication.reporting;

import static th.go.municipal.publication.reporting.ReportRecorder.ANSWERED_LATE;
import static th.go.municipal.publication.reporting.ReportRecorder.ANSWERED_ON_TIME;
import static th.go.municipal.publication.reporting.ReportRecorder.BUCKET;
import static th.go.municipal.publication.reporting.ReportRecorder.CATEGORY;
import static th.go.municipal.publication.reporting.ReportRecorder.DURATION;
import static th.go.municipal.publication.reporting.ReportRecorder.INCIDENTS;
import static th.go.municipal.publication.reporting.ReportRecorder.INQUIRIES;
import static th.go.municipal.publication.reporting.ReportRecorder.KIND;
import static th.go.municipal.publication.reporting.ReportRecorder.OIT;
import static th.go.municipal.publication.reporting.ReportRecorder.PUBLISHED;
import static th.go.municipal.publication.reporting.ReportRecorder.REJECTED;
import static th.go.municipal.publication.reporting.ReportRecorder.RETURNED;
import static th.go.municipal.publication.reporting.ReportRecorder.STEP;
import static th.go.municipal.publication.reporting.ReportRecorder.VIEWS;
import static th.go.municipal.publication.reporting.ReportRecorder.VISITORS;
import static th.go.municipal.publication.reporting.ReportRecorder.WITHDRAWN;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.inquiry.InquiryKind;
import th.go.municipal.publication.inquiry.InquiryService;
import th.go.municipal.publication.reporting.MonitoringReport.Breakdown;
import th.go.municipal.publication.reporting.MonitoringReport.DecisionRow;
import th.go.municipal.publication.reporting.MonitoringReport.InquiryKindRow;
import th.go.municipal.publication.reporting.MonitoringReport.Month;
import th.go.municipal.publication.reporting.MonitoringReport.OverdueTask;
import th.go.municipal.publication.reporting.MonitoringReport.StepRow;
import th.go.municipal.publication.reporting.MonitoringReport.Totals;
import th.go.municipal.publication.reporting.MonitoringReport.UnitRow;
import th.go.municipal.publication.request.Category;

/**
 * Makes the monitoring report of a period from the counters kept as the data arrived, plus what is
 * overdue at this moment (open tasks past their due date, unanswered requests past theirs).
 */
@Service
@Transactional(readOnly = true)
public class MonitoringReports {

  /** The signed steps of a request, in order, with their Thai names. */
  static final Map<String, String> STEPS = new LinkedHashMap<>();

  static {
    STEPS.put("prepareRequest", "จัดเตรียมและรับรองข้อมูล");
    STEPS.put("approveRequest", "ตรวจสอบและอนุมัติการเผยแพร่");
    STEPS.put("publishRequest", "ตรวจทานและนำข้อมูลขึ้นเผยแพร่");
  }

  /** Returns and rejections listed with their reasons, newest first, at most. */
  static final int DECISIONS_LISTED = 50;

  /** Overdue tasks listed, most overdue first, at most. */
  static final int OVERDUE_LISTED = 100;

  private final ReportCounters counters;
  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final InquiryService inquiries;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  MonitoringReports(
      ReportCounters counters,
      JdbcTemplate jdbc,
      TaskService tasks,
      RuntimeService runtime,
      InquiryService inquiries,
      MunicipalityProperties municipality,
      Clock clock) {
    this.counters = counters;
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.inquiries = inquiries;
    this.municipality = municipality;
    this.clock = clock;
  }

  /** The report of the period for one unit, or for the whole municipality when unit is null. */
  public MonitoringReport report(ReportPeriod period, String unit) {
    if (unit != null && municipality.unit(unit).isEmpty()) {
      throw InputRejectedException.invalid(
          "unit", "หน่วยงาน (unit): ไม่พบหน่วยงาน '" + unit + "' (unknown unit)");
    }
    Instant now = clock.instant();
    Tally tally = new Tally(counters.read(period, unit));
    List<OverdueTask> overdue = overdueTasks(unit, now);
    long overdueInquiries = inquiries.overdueNow(unit);
    Long visitors = unit == null ? tally.total(VISITORS, "") : null;
    long received = tally.total(INQUIRIES, "");
    long onTime = tally.total(ANSWERED_ON_TIME, "");
    long late = tally.total(ANSWERED_LATE, "");
    Totals totals =
        new Totals(
            tally.total(PUBLISHED, ""),
            tally.total(WITHDRAWN, ""),
            tally.total(VIEWS, ""),
            visitors,
            received,
            onTime,
            late,
            received - onTime - late,
            tally.total(INCIDENTS, ""),
            tally.total(RETURNED, ""),
            tally.total(REJECTED, ""),
            overdue.size(),
            overdueInquiries);
    return new MonitoringReport(
        new MonitoringReport.Period(
            period.from(), period.to(), period.label(), period.fiscalYear()),
        unit,
        unit == null ? null : municipality.unitName(unit),
        now,
        totals,
        months(period, tally, unit == null),
        units(tally, unit),
        categories(tally),
        oitItems(tally),
        inquiryKinds(tally),
        steps(tally, overdue),
        decisions(period, unit),
        overdue);
  }

  private static List<Month> months(ReportPeriod period, Tally tally, boolean withVisitors) {
    return period.months().stream()
        .map(
            m ->
                new Month(
                    m.toString(),
                    ReportPeriod.shortMonth(m),
                    tally.inMonth(m, PUBLISHED),
                    tally.inMonth(m, WITHDRAWN),
                    tally.inMonth(m, VIEWS),
                    withVisitors ? tally.inMonth(m, VISITORS) : null,
                    tally.inMonth(m, INQUIRIES),
                    tally.inMonth(m, INCIDENTS)))
        .toList();
  }

  private List<UnitRow> units(Tally tally, String only) {
    Set<String> ids = new LinkedHashSet<>();
    if (only == null) {
      ids.addAll(municipality.unitIds());
      tally.units().stream().filter(u -> !u.isEmpty()).forEach(ids::add);
    } else {
      ids.add(only);
    }
    return ids.stream()
        .map(
            u ->
                new UnitRow(
                    u,
                    municipality.unitName(u),
                    tally.ofUnit(u, PUBLISHED),
                    tally.ofUnit(u, WITHDRAWN),
                    tally.ofUnit(u, VIEWS),
                    tally.ofUnit(u, INQUIRIES),
                    tally.ofUnit(u, ANSWERED_ON_TIME),
                    tally.ofUnit(u, ANSWERED_LATE),
                    tally.ofUnit(u, INCIDENTS),
                    tally.ofUnit(u, RETURNED),
                    tally.ofUnit(u, REJECTED)))
        .toList();
  }

  private static List<Breakdown> categories(Tally tally) {
    List<Breakdown> rows = new ArrayList<>();
    for (Category c : Category.values()) {
      rows.add(breakdown(tally, CATEGORY, c.id, c.thaiName));
    }
    return rows;
  }

  private List<Breakdown> oitItems(Tally tally) {
    Map<String, String> names = new LinkedHashMap<>();
    municipality.getOitItems().forEach(i -> names.put(i.code(), i.name()));
    tally.dimensions(OIT).forEach(code -> names.putIfAbsent(code, code));
    return names.entrySet().stream()
        .map(e -> breakdown(tally, OIT, e.getKey(), e.getValue()))
        .toList();
  }

  private static Breakdown breakdown(Tally tally, String prefix, String id, String name) {
    return new Breakdown(
        id,
        name,
        tally.total(PUBLISHED, prefix + id),
        tally.total(WITHDRAWN, prefix + id),
        tally.total(VIEWS, prefix + id));
  }

  private static List<InquiryKindRow> inquiryKinds(Tally tally) {
    return java.util.Arrays.stream(InquiryKind.values())
        .map(
            k -> {
              long received = tally.total(INQUIRIES, KIND + k.code);
              long onTime = tally.total(ANSWERED_ON_TIME, KIND + k.code);
              long late = tally.total(ANSWERED_LATE, KIND + k.code);
              return new InquiryKindRow(
                  k.code, k.thaiName, received, onTime, late, received - onTime - late);
            })
        .toList();
  }

  private static List<StepRow> steps(Tally tally, List<OverdueTask> overdue) {
    return STEPS.entrySet().stream()
        .map(
            step -> {
              Map<Integer, Long> buckets = tally.buckets(DURATION + step.getKey());
              long signed = buckets.values().stream().mapToLong(Long::longValue).sum();
              return new StepRow(
                  step.getKey(),
                  step.getValue(),
                  signed,
                  DurationBuckets.quantileHours(buckets, 0.5),
                  DurationBuckets.quantileHours(buckets, 0.9),
                  tally.total(RETURNED, STEP + step.getKey()),
                  tally.total(REJECTED, STEP + step.getKey()),
                  overdue.stream().filter(t -> t.step().equals(step.getKey())).count());
            })
        .toList();
  }

  private List<DecisionRow> decisions(ReportPeriod period, String unit) {
    String sql =
        "select business_key, unit, step, decision, reason, decided_by, decided_at"
            + " from report_decisions where decided_on >= ? and decided_on <= ?"
            + (unit == null ? "" : " and unit = ?")
            + " order by decided_at desc, id desc fetch first "
            + DECISIONS_LISTED
            + " rows only";
    Object[] args =
        unit == null
            ? new Object[] {Date.valueOf(period.from()), Date.valueOf(period.to())}
            : new Object[] {Date.valueOf(period.from()), Date.valueOf(period.to()), unit};
    return jdbc.query(
        sql,
        (rs, i) -> {
          Instant at = rs.getTimestamp(7).toInstant();
          String step = rs.getString(3);
          return new DecisionRow(
              rs.getString(1),
              rs.getString(2),
              municipality.unitName(rs.getString(2)),
              step,
              STEPS.getOrDefault(step, step),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              at,
              ThaiDates.dateTime(at));
        },
        args);
  }

  /** Open steps of requests past their due date, most overdue first. */
  private List<OverdueTask> overdueTasks(String unit, Instant now) {
    TaskQuery query =
        tasks
            .createTaskQuery()
            .processDefinitionKey("publicationRequest")
            .dueBefore(java.util.Date.from(now));
    if (unit != null) {
      query.processVariableValueEquals("unit", unit);
    }
    List<Task> late = query.orderByDueDate().asc().listPage(0, OVERDUE_LISTED);
    if (late.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds =
        late.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> keys = new HashMap<>();
    runtime
        .createProcessInstanceQuery()
        .processInstanceIds(instanceIds)
        .list()
        .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
    return late.stream()
        .map(
            t -> {
              String taskUnit = (String) runtime.getVariable(t.getProcessInstanceId(), "unit");
              Instant due = t.getDueDate().toInstant();
              return new OverdueTask(
                  keys.get(t.getProcessInstanceId()),
                  taskUnit,
                  municipality.unitName(taskUnit),
                  t.getTaskDefinitionKey(),
                  STEPS.getOrDefault(t.getTaskDefinitionKey(), t.getName()),
                  due,
                  ThaiDates.dateTime(due),
                  Math.max(0, Duration.between(due, now).toDays()));
            })
        .toList();
  }

  /** The counters read for a report, summed the ways the report needs them. */
  private static final class Tally {

    private final Map<String, Long> totals = new HashMap<>();
    private final Map<String, Long> byUnit = new HashMap<>();
    private final Map<String, Long> byMonth = new HashMap<>();
    private final Set<String> units = new LinkedHashSet<>();
    private final List<ReportCounters.Row> rows;

    Tally(List<ReportCounters.Row> rows) {
      this.rows = rows;
      for (ReportCounters.Row row : rows) {
        totals.merge(row.measure() + "|" + row.dimension(), row.n(), Long::sum);
        if (row.dimension().isEmpty()) {
          byUnit.merge(row.unit() + "|" + row.measure(), row.n(), Long::sum);
          byMonth.merge(row.month() + "|" + row.measure(), row.n(), Long::sum);
        }
        units.add(row.unit());
      }
    }

    long total(String measure, String dimension) {
      return totals.getOrDefault(measure + "|" + dimension, 0L);
    }

    long ofUnit(String unit, String measure) {
      return byUnit.getOrDefault(unit + "|" + measure, 0L);
    }

    long inMonth(YearMonth month, String measure) {
      return byMonth.getOrDefault(month + "|" + measure, 0L);
    }

    Set<String> units() {
      return units;
    }

    Set<String> dimensions(String prefix) {
      return rows.stream()
          .map(ReportCounters.Row::dimension)
          .filter(d -> d.startsWith(prefix))
          .map(d -> d.substring(prefix.length()))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    Map<Integer, Long> buckets(String measure) {
      Map<Integer, Long> buckets = new HashMap<>();
      for (ReportCounters.Row row : rows) {
        if (row.measure().equals(measure) && row.dimension().startsWith(BUCKET)) {
          buckets.merge(
              Integer.parseInt(row.dimension().substring(BUCKET.length())), row.n(), Long::sum);
        }
      }
      return buckets;
    }
  }
}
