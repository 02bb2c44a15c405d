package th.go.municipal.publication.request;

import java.util.List;

/**
 * Names of the contract (process key, variables, task keys), used by delegates, forms and tests.
 */
final class RequestVariables {

  public static final String PROCESS_KEY = "publicationRequest";

  public static final String UNIT = "unit";
  public static final String TITLE = "title";
  public static final String DETAILS = "details";
  public static final String CATEGORY = "category";
  public static final String OIT_ITEM = "oitItem";
  public static final String EXTERNAL_URL = "externalUrl";
  public static final String REMARKS = "remarks";
  public static final String PUBLISH_FROM = "publishFrom";
  public static final String PUBLISH_UNTIL = "publishUntil";
  public static final String URGENT = "urgent";

  /** File variables attachment1, attachment2, … up to publication.attachments.max-count. */
  public static final String ATTACHMENT_PREFIX = "attachment";

  public static final String REPORTER_CONFIRMED = "reporterConfirmed";
  public static final String HEAD_DECISION = "headDecision";
  public static final String HEAD_COMMENT = "headComment";
  public static final String WEBMASTER_DECISION = "webmasterDecision";
  public static final String WEBMASTER_COMMENT = "webmasterComment";
  public static final String PERSONAL_DATA_BASIS = "personalDataBasis";
  public static final String PERSONAL_DATA_COMMENT = "personalDataComment";

  // Set by the service for later steps and forms to show.
  public static final String INITIATOR = "initiator";
  public static final String UNIT_NAME = "unitName";
  public static final String REQUEST_KEY = "requestKey";
  // No longer set (the forms read them from the service's record): kept unset, see
  // RequestService.SERVICE_VARIABLES and RetiredRequestVariables.
  public static final String REPORTER_SIGNATURE = "reporterSignature";
  public static final String APPROVER_SIGNATURE = "approverSignature";
  public static final String PUBLISHER_SIGNATURE = "publisherSignature";
  public static final String RETURN_REASON = "returnReason";
  public static final String PERSONAL_DATA_FOUND = "personalDataFound";
  public static final String PERSONAL_DATA_FINDINGS = "personalDataFindings";
  public static final String ATTACHMENTS_SUMMARY = "attachmentsSummary";
  static final List<String> RETIRED =
      List.of(
          REPORTER_SIGNATURE,
          APPROVER_SIGNATURE,
          PUBLISHER_SIGNATURE,
          RETURN_REASON,
          PERSONAL_DATA_FOUND,
          PERSONAL_DATA_FINDINGS,
          ATTACHMENTS_SUMMARY);

  // Task definition keys of the contract.
  public static final String PREPARE_REQUEST = "prepareRequest";
  public static final String APPROVE_REQUEST = "approveRequest";
  public static final String PUBLISH_REQUEST = "publishRequest";

  private RequestVariables() {}
}
