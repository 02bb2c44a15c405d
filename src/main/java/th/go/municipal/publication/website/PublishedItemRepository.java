package th.go.municipal.publication.website;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Items on the website. */
public interface PublishedItemRepository extends JpaRepository<PublishedItem, String> {

  /** Items whose publication period includes the given day, newest first. */
  @Query("select i from PublishedItem i where (i.publishFrom is null or i.publishFrom <= :day)"
      + " and (i.publishUntil is null or i.publishUntil >= :day) order by i.publishedAt desc")
  List<PublishedItem> findVisibleOn(LocalDate day);
}
