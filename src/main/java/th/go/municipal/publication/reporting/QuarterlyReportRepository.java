package th.go.municipal.publication.reporting;

import org.springframework.data.jpa.repository.JpaRepository;

/** Quarterly reports by their number. */
interface QuarterlyReportRepository extends JpaRepository<QuarterlyReport, String> {}
