package th.go.municipal.publication.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Signatures of requests, oldest first. */
interface RequestSignatureRepository extends JpaRepository<RequestSignature, Long> {

  List<RequestSignature> findByBusinessKeyOrderByIdAsc(String businessKey);

  Optional<RequestSignature> findFirstByBusinessKeyOrderByIdDesc(String businessKey);
}
