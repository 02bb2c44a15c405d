package th.go.municipal.publication.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Personal-data findings of requests. */
interface PersonalDataFindingRepository extends JpaRepository<PersonalDataFinding, Long> {

  List<PersonalDataFinding> findByBusinessKeyOrderByIdAsc(String businessKey);

  boolean existsByBusinessKey(String businessKey);

  void deleteByBusinessKey(String businessKey);
}
