package th.go.municipal.publication.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditAnchorRepository extends JpaRepository<AuditAnchor, LocalDate> {

  List<AuditAnchor> findAllByOrderByDateDesc();

  List<AuditAnchor> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);
}
