package th.go.municipal.publication.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Attachments of requests, in variable order. */
interface RequestAttachmentRepository extends JpaRepository<RequestAttachment, Long> {

  /** Read at every signed step: see {@code RequestSignatureRepository}. */
  @Query("select a from RequestAttachment a where a.businessKey = ?1 order by a.variableName")
  List<RequestAttachment> findByBusinessKeyOrderByVariableNameAsc(String businessKey);
}
