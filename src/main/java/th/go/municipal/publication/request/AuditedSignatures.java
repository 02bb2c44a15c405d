package th.go.municipal.publication.request;

import java.util.Map;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.AuditedRecords;

/** Every signature on a request, for the audit trail's verification. */
@Component
class AuditedSignatures implements AuditedRecords {

  private final RequestAuditRecords records;

  AuditedSignatures(RequestAuditRecords records) {
    this.records = records;
  }

  @Override
  public String referencePrefix() {
    return RequestAuditRecords.SIGNATURE;
  }

  @Override
  public Map<String, String> currentFingerprints() {
    return records.currentSignatures();
  }
}
