package th.go.municipal.publication.incident;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Incident reports by incident number. */
public interface IncidentReportRepository extends JpaRepository<IncidentReport, String> {

  Optional<IncidentReport> findByProcessInstanceId(String processInstanceId);
}
