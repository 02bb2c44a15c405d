package th.go.municipal.publication.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AuditChainHeadRepository extends JpaRepository<AuditChainHead, Integer> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from AuditChainHead h where h.id = " + AuditChainHead.ID)
  Optional<AuditChainHead> lockHead();
}
