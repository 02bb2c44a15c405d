package th.go.municipal.publication.website;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public pages read beyond the repositories: counts of visible items per category and
 * indicator, and attachments listed without their bytes (the content column is loaded only when a
 * file itself is served).
 */
@Component
@Transactional(readOnly = true)
class WebsiteQueries {

  /** An attachment without its content. */
  record FileInfo(
      long id, String fileName, String kind, String mediaType, long sizeBytes, String sha256) {}

  private static final String FILE_INFO =
      "select a.id, a.fileName, a.kind, a.mediaType, a.sizeBytes, a.sha256"
          + " from PublishedAttachment a where a.businessKey = :key";

  private final EntityManager entityManager;

  WebsiteQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Visible items per category id. */
  Map<String, Long> countByCategory(LocalDate day) {
    return countBy("category", day);
  }

  /** Visible items per ITA/OIT indicator code. */
  Map<String, Long> countByOitItem(LocalDate day) {
    return countBy("oitItem", day);
  }

  List<FileInfo> files(String businessKey) {
    return entityManager
        .createQuery(FILE_INFO + " order by a.variableName", Object[].class)
        .setParameter("key", businessKey)
        .getResultList()
        .stream()
        .map(WebsiteQueries::fileInfo)
        .toList();
  }

  Optional<FileInfo> file(String businessKey, long id) {
    return entityManager
        .createQuery(FILE_INFO + " and a.id = :id", Object[].class)
        .setParameter("key", businessKey)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(WebsiteQueries::fileInfo)
        .findFirst();
  }

  byte[] content(long id) {
    return entityManager
        .createQuery("select a.content from PublishedAttachment a where a.id = :id", byte[].class)
        .setParameter("id", id)
        .getSingleResult();
  }

  private Map<String, Long> countBy(String field, LocalDate day) {
    List<Object[]> rows =
        entityManager
            .createQuery(
                "select i."
                    + field
                    + ", count(i) from PublishedItem i where "
                    + PublishedItemRepository.VISIBLE
                    + " and i."
                    + field
                    + " is not null group by i."
                    + field,
                Object[].class)
            .setParameter("day", day)
            .getResultList();
    Map<String, Long> counts = new HashMap<>();
    rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }

  private static FileInfo fileInfo(Object[] row) {
    return new FileInfo(
        (Long) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (Long) row[4],
        (String) row[5]);
  }
}
