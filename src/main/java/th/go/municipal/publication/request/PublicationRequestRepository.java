package th.go.municipal.publication.request;

import org.springframework.data.jpa.repository.JpaRepository;
import th.go.municipal.publication.common.InputRejectedException;

/** Publication requests by business key. */
interface PublicationRequestRepository extends JpaRepository<PublicationRequest, String> {

  /** The request, or the contract's 404 refusal. */
  default PublicationRequest load(String businessKey) {
    return findById(businessKey)
        .orElseThrow(() -> InputRejectedException.notFound("คำขอเลขที่ " + businessKey));
  }
}
