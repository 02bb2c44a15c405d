package th.go.municipal.publication.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Personal-data findings of requests. */
interface PersonalDataFindingRepository extends JpaRepository<PersonalDataFinding, Long> {

  /** Read at every signed step: see {@code RequestSignatureRepository}. */
  @Query("select f from PersonalDataFinding f where f.businessKey = ?1 order by f.id")
  List<PersonalDataFinding> findByBusinessKeyOrderByIdAsc(String businessKey);

  boolean existsByBusinessKey(String businessKey);
}
