package th.go.municipal.publication.request;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Attachments of requests, in variable order. */
interface RequestAttachmentRepository extends JpaRepository<RequestAttachment, Long> {

  List<RequestAttachment> findByBusinessKeyOrderByVariableNameAsc(String businessKey);

  void deleteByBusinessKey(String businessKey);
}
