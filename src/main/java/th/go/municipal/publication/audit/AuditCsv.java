package th.go.municipal.publication.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The audit export as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel shows Thai. */
final class AuditCsv {

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "recorded_at",
          "recorded_at_thai",
          "subject_key",
          "unit",
          "process_instance_id",
          "actor",
          "role",
          "action",
          "decision",
          "comment",
          "object_ref",
          "fingerprint",
          "details",
          "previous_hash",
          "hash");

  private AuditCsv() {}

  static byte[] write(List<AuditController.EntryView> entries) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", COLUMNS)).append("\r\n");
    for (AuditController.EntryView e : entries) {
      csv.append(
              Stream.of(
                      String.valueOf(e.id()),
                      e.recordedAt().toString(),
                      e.recordedAtThai(),
                      e.subjectKey(),
                      e.unit(),
                      e.processInstanceId(),
                      e.actor(),
                      e.role(),
                      e.action(),
                      e.decision(),
                      e.comment(),
                      e.objectRef(),
                      e.fingerprint(),
                      e.details(),
                      e.previousHash(),
                      e.hash())
                  .map(AuditCsv::field)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
