package th.go.municipal.publication.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Service;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The auditor's reading of history: requests, incident reports and information requests found by
 * number, unit, status, category, period and signer, and one request's whole story, from the
 * engine's history and the audit trail. Reads only; the engine's public query API.
 */
@Service
class RequestHistory {

  static final Map<String, String> KINDS =
      Map.of(
          "publicationRequest", "คำขอเผยแพร่ข้อมูล",
          "incidentReport", "รายงานเหตุเร่งด่วน",
          "informationRequest", "คำขอข้อมูล/ความคิดเห็นจากประชาชน");

  private final HistoryService history;
  private final RepositoryService repository;
  private final AuditService audit;
  private final SignedForms forms;
  private final MunicipalityProperties municipality;
  private final ObjectMapper json = new ObjectMapper();

  RequestHistory(
      HistoryService history,
      RepositoryService repository,
      AuditService audit,
      SignedForms forms,
      MunicipalityProperties municipality) {
    this.history = history;
    this.repository = repository;
    this.audit = audit;
    this.forms = forms;
    this.municipality = municipality;
  }

  /** What the auditor searches by; every field optional. */
  record Search(
      String kind,
      String number,
      String unit,
      String status,
      String category,
      Integer year,
      Integer month,
      Integer fiscalYear,
      String signer) {}

  /** One row of the results. */
  record Row(
      String businessKey,
      String kind,
      String title,
      String unitName,
      String status,
      String started,
      String ended) {}

  record Results(List<Row> rows, long total, int page, int pages) {}

  Results search(Search s, int page, int size) {
    HistoricProcessInstanceQuery query =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(KINDS.containsKey(s.kind()) ? s.kind() : "publicationRequest");
    if (s.number() != null) {
      query.processInstanceBusinessKeyLike("%" + s.number().strip() + "%");
    }
    if (s.unit() != null) {
      query.variableValueEquals("unit", s.unit());
    }
    if (s.category() != null) {
      query.variableValueEquals("category", s.category());
    }
    if (s.status() != null) {
      switch (s.status()) {
        case "running" -> query.unfinished();
        case "finished" -> query.finished();
        case "published" -> query.executedActivityIdIn("Task_PublishToWebsite");
        case "rejected" -> query.executedActivityIdIn("EndEvent_RequestRejected");
        case "withdrawn" ->
            query.executedActivityIdIn("EndEvent_ItemTakenDown", "EndEvent_ItemWithdrawn");
        default -> {}
      }
    }
    LocalDate from = null;
    LocalDate until = null;
    if (s.year() != null && s.month() != null) {
      from = LocalDate.of(s.year() - 543, s.month(), 1);
      until = from.plusMonths(1);
    } else if (s.year() != null) {
      from = LocalDate.of(s.year() - 543, 1, 1);
      until = from.plusYears(1);
    } else if (s.fiscalYear() != null) {
      from = LocalDate.of(s.fiscalYear() - 544, 10, 1);
      until = from.plusYears(1);
    }
    if (from != null) {
      query.startedAfter(date(from)).startedBefore(date(until));
    }
    if (s.signer() != null) {
      Set<String> instances = new HashSet<>();
      audit
          .find(new AuditService.Filter(null, null, s.signer().strip(), null, null), 0, 10_000)
          .forEach(
              e -> {
                if (e.getProcessInstanceId() != null) {
                  instances.add(e.getProcessInstanceId());
                }
              });
      if (instances.isEmpty()) {
        return new Results(List.of(), 0, page, 0);
      }
      query.processInstanceIds(instances);
    }
    long total = query.count();
    List<Row> rows = new ArrayList<>();
    for (HistoricProcessInstance pi :
        query.orderByProcessInstanceStartTime().desc().listPage(page * size, size)) {
      Map<String, Object> variables = variables(pi.getId());
      rows.add(
          new Row(
              pi.getBusinessKey(),
              KINDS.getOrDefault(pi.getProcessDefinitionKey(), pi.getProcessDefinitionKey()),
              String.valueOf(
                  variables.getOrDefault(
                      "title", variables.getOrDefault("subject", variables.get("cause")))),
              municipality.unitName(String.valueOf(variables.get("unit"))),
              status(pi),
              ThaiDates.dateTime(pi.getStartTime().toInstant()),
              pi.getEndTime() == null ? "" : ThaiDates.dateTime(pi.getEndTime().toInstant())));
    }
    return new Results(rows, total, page, (int) ((total + size - 1) / size));
  }

  /** The status as a person reads it: where a running instance waits, or how it ended. */
  String status(HistoricProcessInstance pi) {
    if (pi.getEndTime() == null) {
      List<String> waiting =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(pi.getId())
              .unfinished()
              .list()
              .stream()
              .filter(a -> !a.getActivityType().contains("Gateway"))
              .map(a -> a.getActivityName() == null ? a.getActivityId() : a.getActivityName())
              .toList();
      return "กำลังดำเนินการ: " + String.join(", ", waiting);
    }
    return switch (String.valueOf(pi.getEndActivityId())) {
      case "EndEvent_RequestPublished" -> "เผยแพร่แล้ว";
      case "EndEvent_RequestRejected" -> "ไม่อนุมัติ";
      case "EndEvent_ItemTakenDown", "EndEvent_ItemWithdrawn" -> "เผยแพร่แล้วและนำลงแล้ว";
      default -> "สิ้นสุดแล้ว";
    };
  }

  /** One step of the process as it happened. */
  record Step(String name, String type, String who, String started, String ended) {}

  /** One audit entry as the story shows it. */
  record Entry(
      long id,
      String at,
      String actor,
      String role,
      String action,
      String decision,
      String comment,
      String objectRef,
      String fingerprint,
      Map<String, Object> details) {}

  /** One round of the content as the reporter signed it, and what changed from the round before. */
  record Round(int number, String at, Map<String, Object> fields, List<String> changes) {}

  /** A failed job and its retries. */
  record Failure(String at, String activity, String message, Integer retries) {}

  /** An urgent-incident report raised by the request. */
  record Incident(
      String key, String status, Map<String, Object> facts, List<Step> steps, List<Entry> trail) {}

  record Story(
      String businessKey,
      String kind,
      String title,
      String unitName,
      String status,
      String processInstanceId,
      List<String> path,
      List<Step> steps,
      List<Round> rounds,
      List<Entry> signatures,
      List<Entry> trail,
      List<Map<String, Object>> attachments,
      List<Map<String, Object>> personalData,
      List<Incident> incidents,
      List<Failure> failures,
      Optional<SignedForms.FormFacts> form) {}

  Optional<Story> story(String businessKey) {
    HistoricProcessInstance pi =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .orderByProcessInstanceStartTime()
            .asc()
            .list()
            .stream()
            .filter(p -> p.getSuperProcessInstanceId() == null)
            .findFirst()
            .orElse(null);
    if (pi == null) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> subs =
        history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
    List<String> instances = new ArrayList<>(List.of(pi.getId()));
    subs.forEach(s -> instances.add(s.getId()));
    List<Entry> own =
        audit.storyOf(businessKey, List.of(pi.getId())).stream().map(this::entry).toList();
    List<Round> rounds = rounds(own);
    Map<String, Object> variables = variables(pi.getId());
    Map<String, Object> latest =
        rounds.isEmpty() ? Map.of() : rounds.get(rounds.size() - 1).fields();
    return Optional.of(
        new Story(
            businessKey,
            KINDS.getOrDefault(pi.getProcessDefinitionKey(), pi.getProcessDefinitionKey()),
            String.valueOf(
                latest.getOrDefault(
                    "title", variables.getOrDefault("title", variables.get("subject")))),
            municipality.unitName(String.valueOf(variables.get("unit"))),
            status(pi),
            pi.getId(),
            path(pi.getId()),
            steps(pi.getId()),
            rounds,
            own.stream().filter(e -> "sign".equals(e.action())).toList(),
            own,
            list(latest.get("attachments")),
            list(latest.get("personalData")),
            subs.stream().map(this::incident).toList(),
            failures(instances),
            forms.facts(businessKey)));
  }

  private Incident incident(HistoricProcessInstance sub) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> variables = variables(sub.getId());
    for (String name :
        List.of(
            "incidentAt",
            "incidentLocation",
            "affectedCount",
            "damageArea",
            "cause",
            "remedy",
            "incidentReporterSignature",
            "mayorSignature",
            "mayorComment")) {
      if (variables.get(name) != null) {
        facts.put(name, variables.get(name));
      }
    }
    List<Entry> trail =
        audit.storyOf(String.valueOf(sub.getBusinessKey()), List.of(sub.getId())).stream()
            .map(this::entry)
            .toList();
    return new Incident(sub.getBusinessKey(), status(sub), facts, steps(sub.getId()), trail);
  }

  Optional<String> diagram(String businessKey) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .list()
        .stream()
        .filter(p -> p.getSuperProcessInstanceId() == null)
        .findFirst()
        .map(
            pi -> {
              try (InputStream model = repository.getProcessModel(pi.getProcessDefinitionId())) {
                return new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** An attachment as it was sent in any round, found by its fingerprint. */
  Optional<FileValue> attachment(String businessKey, String sha256) {
    for (HistoricProcessInstance pi :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .list()) {
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .processInstanceId(pi.getId())
              .variableUpdates()
              .list()) {
        if (detail instanceof HistoricVariableUpdate update
            && update.getTypedValue() instanceof FileValue file
            && file.getValue() != null) {
          try (InputStream in = file.getValue()) {
            if (Hashes.sha256(in.readAllBytes()).equals(sha256)) {
              return Optional.of(file);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<String> path(String processInstanceId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .distinct()
        .toList();
  }

  private List<Step> steps(String processInstanceId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .filter(a -> !a.getActivityType().contains("Gateway"))
        .map(
            a ->
                new Step(
                    a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                    a.getActivityType(),
                    a.getAssignee() == null ? "" : a.getAssignee(),
                    ThaiDates.dateTime(a.getStartTime().toInstant()),
                    a.getEndTime() == null ? "" : ThaiDates.dateTime(a.getEndTime().toInstant())))
        .toList();
  }

  private List<Failure> failures(List<String> instances) {
    List<Failure> failures = new ArrayList<>();
    for (String instance : instances) {
      for (HistoricJobLog log :
          history
              .createHistoricJobLogQuery()
              .processInstanceId(instance)
              .failureLog()
              .orderByTimestamp()
              .asc()
              .list()) {
        failures.add(
            new Failure(
                ThaiDates.dateTime(log.getTimestamp().toInstant()),
                log.getActivityId(),
                log.getJobExceptionMessage(),
                log.getJobRetries()));
      }
      for (HistoricIncident incident :
          history.createHistoricIncidentQuery().processInstanceId(instance).list()) {
        failures.add(
            new Failure(
                ThaiDates.dateTime(incident.getCreateTime().toInstant()),
                incident.getActivityId(),
                "อุบัติการณ์ (incident): "
                    + incident.getIncidentMessage()
                    + (incident.isResolved()
                        ? " · แก้ไขแล้ว"
                        : incident.isOpen() ? " · ยังเปิดอยู่" : ""),
                null));
      }
    }
    return failures;
  }

  private List<Round> rounds(List<Entry> trail) {
    List<Round> rounds = new ArrayList<>();
    Map<String, Object> before = null;
    for (Entry e : trail) {
      if (e.objectRef() == null || !e.objectRef().startsWith("request:") || e.details() == null) {
        continue;
      }
      Map<String, Object> fields = e.details();
      List<String> changes = new ArrayList<>();
      if (before != null) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
          Object old = before.get(field.getKey());
          if (!String.valueOf(old).equals(String.valueOf(field.getValue()))) {
            changes.add(field.getKey() + ": " + old + " → " + field.getValue());
          }
        }
      }
      rounds.add(new Round(rounds.size() + 1, e.at(), fields, changes));
      before = fields;
    }
    return rounds;
  }

  private Entry entry(AuditEntry e) {
    return new Entry(
        e.getId(),
        ThaiDates.dateTime(e.getRecordedAt()),
        e.getActor(),
        e.getRole(),
        e.getAction(),
        e.getDecision(),
        e.getComment(),
        e.getObjectRef(),
        e.getFingerprint(),
        parse(e.getDetails()));
  }

  private Map<String, Object> parse(String details) {
    if (details == null) {
      return null;
    }
    try {
      return json.readValue(details, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      return Map.of("raw", details);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .disableBinaryFetching()
            .list()) {
      if (!(v.getTypedValue() instanceof FileValue)) {
        variables.put(v.getName(), v.getValue());
      }
    }
    return variables;
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ThaiDates.BANGKOK).toInstant());
  }
}
