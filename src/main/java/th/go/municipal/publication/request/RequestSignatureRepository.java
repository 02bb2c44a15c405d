package th.go.municipal.publication.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Signatures of requests, oldest first. */
interface RequestSignatureRepository extends JpaRepository<RequestSignature, Long> {

  // A query string rather than a derived query: Hibernate keeps the translation of a string, while
  // Spring Data builds a derived query as a criteria query that Hibernate translates to SQL again
  // at every call; every signed step reads these (issue 12: JFR put half of these reads' time in
  // building and translating the query, a tenth in H2).
  @Query("select s from RequestSignature s where s.businessKey = ?1 order by s.id")
  List<RequestSignature> findByBusinessKeyOrderByIdAsc(String businessKey);

  Optional<RequestSignature> findFirstByBusinessKeyOrderByIdDesc(String businessKey);
}
