package th.go.municipal.publication.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The signatures of quarterly reports, in the order they were given. */
interface QuarterlyReportSignatureRepository extends JpaRepository<QuarterlyReportSignature, Long> {

  List<QuarterlyReportSignature> findByReportKeyOrderByIdAsc(String reportKey);
}
