package th.go.municipal.publication.inquiry;

import java.time.LocalDate;

/**
 * Published in the transaction that stored a request, comment or complaint from the public, for
 * those who count them (the monitoring report); it names no requester.
 */
public record InquiryReceived(
    String referenceNumber, String unit, InquiryKind kind, LocalDate receivedOn) {}
