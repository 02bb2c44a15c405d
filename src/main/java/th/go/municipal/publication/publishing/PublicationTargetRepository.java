package th.go.municipal.publication.publishing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Where items live on outside websites (see {@link PublicationTarget}). */
public interface PublicationTargetRepository
    extends JpaRepository<PublicationTarget, PublicationTarget.Key> {

  List<PublicationTarget> findByBusinessKey(String businessKey);

  default Optional<PublicationTarget> find(String businessKey, String target) {
    return findById(new PublicationTarget.Key(businessKey, target));
  }

  /** Records (or corrects) where the item lives at the target; joins the caller's transaction. */
  default PublicationTarget remember(
      String businessKey, String target, String remoteId, String remoteUrl) {
    PublicationTarget row =
        find(businessKey, target)
            .orElseGet(() -> new PublicationTarget(businessKey, target, remoteId, remoteUrl));
    row.pointTo(remoteId, remoteUrl);
    return save(row);
  }
}
