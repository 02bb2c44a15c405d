package th.go.municipal.publication.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The audit trail, in the order it was written. */
public interface AuditEntryRepository
    extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

  List<AuditEntry> findBySubjectKeyOrderByIdAsc(String subjectKey);

  List<AuditEntry> findBySubjectKeyOrProcessInstanceIdInOrderByIdAsc(
      String subjectKey, List<String> processInstanceIds);

  List<AuditEntry> findAllByOrderByIdAsc();

  List<AuditEntry> findByIdGreaterThanOrderByIdAsc(long id, Limit limit);

  Optional<AuditEntry> findFirstByObjectRefOrderByIdDesc(String objectRef);

  List<AuditEntry> findByRecordedAtGreaterThanEqualAndRecordedAtLessThanOrderByIdAsc(
      Instant from, Instant to);

  Optional<AuditEntry> findFirstBySubjectKeyAndUnitIsNotNullOrderByIdDesc(String subjectKey);

  Optional<AuditEntry> findFirstByProcessInstanceIdAndUnitIsNotNullOrderByIdDesc(
      String processInstanceId);
}
