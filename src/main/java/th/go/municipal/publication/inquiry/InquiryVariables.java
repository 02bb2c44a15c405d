package th.go.municipal.publication.inquiry;

/**
 * Names of the informationRequest process, its task and its variables, used by the service, the
 * form and tests.
 */
public final class InquiryVariables {

  public static final String PROCESS_KEY = "informationRequest";
  public static final String ANSWER_TASK = "answerInformationRequest";

  // Set when the process starts, for the task form to show. The requester's e-mail address stays
  // in the information_requests table; the process only carries it masked.
  public static final String REFERENCE_NUMBER = "referenceNumber";
  public static final String KIND = "kind";
  public static final String KIND_NAME = "kindName";
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unitName";
  public static final String SUBJECT = "subject";
  public static final String MESSAGE = "message";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_EMAIL_MASKED = "requesterEmailMasked";
  public static final String REQUESTER_PHONE = "requesterPhone";

  /**
   * When it was received and by when it must be answered, as Thai people read them (Buddhist Era).
   */
  public static final String RECEIVED_AT_THAI = "receivedAtThai";

  public static final String DUE_DATE_THAI = "dueDateThai";

  // Completed by the unit.
  public static final String ANSWER = "answer";
  public static final String ANSWER_CHANNEL = "answerChannel";

  // Set when the answer is recorded.
  public static final String ANSWERED_BY = "answeredBy";

  private InquiryVariables() {}
}
