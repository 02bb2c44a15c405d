package th.go.municipal.publication.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail, in the order it was written. */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

  List<AuditEntry> findBySubjectKeyOrderByIdAsc(String subjectKey);

  List<AuditEntry> findAllByOrderByIdAsc();
}
