package th.go.municipal.publication.request;

import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.AuditedRecords;

/** The content of each request as signed, for the audit trail's verification. */
@Component
class AuditedRequestContent implements AuditedRecords {

  private final RequestAuditRecords records;

  AuditedRequestContent(RequestAuditRecords records) {
    this.records = records;
  }

  @Override
  public String referencePrefix() {
    return RequestAuditRecords.CONTENT;
  }

  @Override
  public Map<String, String> currentFingerprints() {
    return records.currentContent();
  }
}
