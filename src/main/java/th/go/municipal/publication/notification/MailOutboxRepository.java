package th.go.municipal.publication.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** E-mail kept instead of sent. */
public interface MailOutboxRepository extends JpaRepository<MailOutboxEntry, Long> {

  List<MailOutboxEntry> findByReferenceOrderByIdAsc(String reference);

  /** Queued notices whose time to be sent has come, oldest first. */
  List<MailOutboxEntry> findTop50BySentAtIsNullAndNextAttemptAtLessThanEqualOrderByIdAsc(
      Instant now);
}
