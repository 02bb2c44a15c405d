package th.go.municipal.publication.publishing;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Items on the website. "Visible" means not taken down and within its publication period on the
 * day.
 */
interface PublishedItemRepository extends JpaRepository<PublishedItem, String> {

  String VISIBLE =
      "i.withdrawnAt is null and (i.publishFrom is null or i.publishFrom <= :day)"
          + " and (i.publishUntil is null or i.publishUntil >= :day)";

  /**
   * The item, its row locked until the transaction ends: two take-downs at once (two webmasters, or
   * a webmaster and the end of the period, on any node) see each other's result.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from PublishedItem i where i.businessKey = :businessKey")
  Optional<PublishedItem> lockById(String businessKey);

  /** Visible items, newest first. */
  @Query("select i from PublishedItem i where " + VISIBLE + " order by i.publishedAt desc")
  List<PublishedItem> findVisibleOn(LocalDate day);

  @Query("select i from PublishedItem i where " + VISIBLE + " order by i.publishedAt desc")
  List<PublishedItem> findVisibleOn(LocalDate day, Pageable page);

  @Query(
      "select i from PublishedItem i where "
          + VISIBLE
          + " and i.category = :category order by i.publishedAt desc")
  List<PublishedItem> findVisibleInCategory(LocalDate day, String category);

  @Query(
      "select i from PublishedItem i where "
          + VISIBLE
          + " and i.oitItem = :oitItem order by i.publishedAt desc")
  List<PublishedItem> findVisibleForOitItem(LocalDate day, String oitItem);

  /**
   * Visible items whose title or details contain the text (case-insensitive), newest first. The
   * text is matched literally: its %, _ and backslash are escaped by {@link #likeLiteral}.
   */
  @Query(
      "select i from PublishedItem i where "
          + VISIBLE
          + " and (lower(i.title) like lower(concat('%', :text, '%')) escape '\\'"
          + " or lower(i.details) like lower(concat('%', :text, '%')) escape '\\') order by i.publishedAt desc")
  List<PublishedItem> searchVisible(LocalDate day, String text, Pageable page);

  /** Text for {@link #searchVisible} that matches only itself, not as a LIKE pattern. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
