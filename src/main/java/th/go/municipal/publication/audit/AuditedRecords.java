package th.go.municipal.publication.audit;

import java.util.Map;

/**
 * Stored records that the audit trail vouches for (signatures, the content as signed, signed
 * forms), as a capability stores them now: {@link AuditService#verify()} compares each one's
 * fingerprint with the last one the chain recorded for it, so a record edited, deleted or added
 * behind the application's back is found.
 */
public interface AuditedRecords {

  /** The prefix of this kind's references, e.g. {@code signature:}. */
  String referencePrefix();

  /** Every stored record of this kind: its reference and the fingerprint of what is stored now. */
  Map<String, String> currentFingerprints();
}
