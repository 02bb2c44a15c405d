package th.go.municipal.publication.inquiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Information requests by reference number, and their counts for the monitoring report (2.3). */
public interface InformationRequestRepository extends JpaRepository<InformationRequest, String> {

  boolean existsByFormNonce(String formNonce);

  long countByRequesterIpHashAndReceivedAtAfter(String requesterIpHash, Instant since);

  long countByStatusAndDueAtBefore(InquiryStatus status, Instant now);

  long countByUnitAndStatusAndDueAtBefore(String unit, InquiryStatus status, Instant now);

  /** Answered before the given time, the requester's personal data still kept. */
  List<InformationRequest> findByAnonymisedAtIsNullAndAnsweredAtBeforeOrderByAnsweredAtAsc(
      Instant answeredBefore);

  /**
   * Erases the requester's name, e-mail address, phone, address hash and message; 0 when another
   * node of a cluster did it first.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update InformationRequest r set r.requesterName = '', r.requesterEmail = '',"
          + " r.requesterPhone = null, r.requesterIpHash = '', r.message = '', r.anonymisedAt = :at"
          + " where r.referenceNumber = :referenceNumber and r.anonymisedAt is null")
  int anonymise(String referenceNumber, Instant at);

  /**
   * Requests received per calendar month and kind, on days from {@code from} up to but not
   * including {@code until}.
   */
  @Query(
      "select new th.go.municipal.publication.inquiry.MonthlyKindCount("
          + "year(i.receivedOn), month(i.receivedOn), i.kind, count(i)) from InformationRequest i"
          + " where i.receivedOn >= :from and i.receivedOn < :until"
          + " group by year(i.receivedOn), month(i.receivedOn), i.kind"
          + " order by year(i.receivedOn), month(i.receivedOn), i.kind")
  List<MonthlyKindCount> countPerMonthAndKind(LocalDate from, LocalDate until);

  /**
   * Requests received per kind in a Thai fiscal year (e.g. 2569: 1 Oct 2025 to 30 Sep 2026); every
   * kind is present.
   */
  default Map<InquiryKind, Long> countPerKindInFiscalYear(int buddhistFiscalYear) {
    int endingYear = buddhistFiscalYear - 543;
    Map<InquiryKind, Long> counts = new EnumMap<>(InquiryKind.class);
    for (InquiryKind kind : InquiryKind.values()) {
      counts.put(kind, 0L);
    }
    for (MonthlyKindCount month :
        countPerMonthAndKind(
            LocalDate.of(endingYear - 1, 10, 1), LocalDate.of(endingYear, 10, 1))) {
      InquiryKind.of(month.kind()).ifPresent(kind -> counts.merge(kind, month.count(), Long::sum));
    }
    return counts;
  }
}
