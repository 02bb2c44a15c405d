package th.go.municipal.publication.inquiry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Published in the transaction that stored the unit's answer, for those who count answers within
 * the deadline and late ones; it names no requester.
 */
public record InquiryAnswered(
    String referenceNumber,
    String unit,
    InquiryKind kind,
    LocalDate receivedOn,
    Instant answeredAt,
    Instant dueAt) {

  public boolean onTime() {
    return !answeredAt.isAfter(dueAt);
  }
}
