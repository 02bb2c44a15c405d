package th.go.municipal.publication.notification;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** People's choices of e-mail. */
interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, String> {

  List<NotificationPreference> findByTaskArrived(NotificationPreference.TaskArrival taskArrived);

  /**
   * Marks today's digest of one person as sent; 0 when another node already did, so that each
   * person gets one digest a day however many nodes run.
   */
  @Modifying
  @Query(
      "update NotificationPreference p set p.digestSentOn = :day where p.userId = :userId"
          + " and (p.digestSentOn is null or p.digestSentOn < :day)")
  int claimDigest(String userId, LocalDate day);
}
