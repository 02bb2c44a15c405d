package th.go.municipal.publication.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** E-mail kept instead of sent. */
public interface MailOutboxRepository extends JpaRepository<MailOutboxEntry, Long> {

  List<MailOutboxEntry> findByReferenceOrderByIdAsc(String reference);

  /** Queued notices whose time to be sent has come, oldest first. */
  List<MailOutboxEntry> findTop50BySentAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(
      Instant now);

  /** Kept before the given time, recipients and text not yet erased; oldest first. */
  @Query(
      "select e.id from MailOutboxEntry e where e.anonymisedAt is null and e.createdAt < :before"
          + " order by e.id")
  List<Long> idsKeptBefore(Instant before, Limit limit);

  /**
   * Erases the recipients and text of one e-mail; 0 when another node of a cluster did it first.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update MailOutboxEntry e set e.recipients = '', e.body = '', e.anonymisedAt = :at"
          + " where e.id = :id and e.anonymisedAt is null")
  int anonymise(Long id, Instant at);
}
