package th.go.municipal.publication.publishing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Files published with items. */
interface PublishedAttachmentRepository extends JpaRepository<PublishedAttachment, Long> {

  List<PublishedAttachment> findByBusinessKeyOrderByVariableNameAsc(String businessKey);
}
