package th.go.municipal.publication.request;

import org.springframework.data.jpa.repository.JpaRepository;

/** Publication requests by business key. */
public interface PublicationRequestRepository extends JpaRepository<PublicationRequest, String> {}
