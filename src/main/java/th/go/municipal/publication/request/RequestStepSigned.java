package th.go.municipal.publication.request;

import java.time.Instant;

/**
 * Published in the transaction that recorded a signed step of a request, for those who follow the
 * work (the monitoring report: how long each step took, returns and rejections with their reasons,
 * and the notices that follow a decision). {@code step} is the task key ({@code prepareRequest},
 * {@code approveRequest}, {@code publishRequest}); {@code arrivedAt} is when the task was created.
 */
public record RequestStepSigned(
    String businessKey,
    String unit,
    String title,
    String step,
    String decision,
    String comment,
    String signedBy,
    String preparedBy,
    Instant arrivedAt,
    Instant signedAt) {

  /** Sent back to the reporter, by the head or the webmaster. */
  public boolean returned() {
    return RequestService.RETURN.equals(decision);
  }

  /** Refused by the head; the request ends. */
  public boolean rejected() {
    return RequestService.REJECT.equals(decision);
  }
}
