package th.go.municipal.publication.website;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Files published with items. */
public interface PublishedAttachmentRepository extends JpaRepository<PublishedAttachment, Long> {

  List<PublishedAttachment> findByBusinessKeyOrderByVariableNameAsc(String businessKey);
}
