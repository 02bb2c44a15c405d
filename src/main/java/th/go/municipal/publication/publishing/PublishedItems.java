package th.go.municipal.publication.publishing;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is and was on the website, for those who show or count it (the public pages, the feed,
 * reports): items as read-only records, counts per category and indicator, and files listed without
 * their bytes (the content column is read only when a file itself is served).
 */
@Service
@Transactional(readOnly = true)
public class PublishedItems {

  /** Whether an item shows on a given day. */
  public enum Visibility {
    VISIBLE,
    /** Unknown, or its publication period has not begun. */
    NOT_FOUND,
    /** Taken down, or its publication period is over. */
    GONE
  }

  /** An item as it was published (and, if so, when it was taken down). */
  public record Entry(
      String businessKey,
      String title,
      String details,
      String category,
      String oitItem,
      String unit,
      String externalUrl,
      LocalDate publishFrom,
      LocalDate publishUntil,
      String publishedBy,
      Instant publishedAt,
      String publicUrl,
      Instant withdrawnAt,
      String withdrawnBy,
      String withdrawnReason) {

    public Visibility visibilityOn(LocalDate day) {
      if (publishFrom != null && publishFrom.isAfter(day)) {
        return Visibility.NOT_FOUND;
      }
      if (withdrawnAt != null || (publishUntil != null && publishUntil.isBefore(day))) {
        return Visibility.GONE;
      }
      return Visibility.VISIBLE;
    }
  }

  /** What an item is counted under: its unit, category and ITA/OIT indicator (may be null). */
  public record Attributes(String unit, String category, String oitItem) {}

  /** A published file without its content. */
  public record FileInfo(
      long id, String fileName, String kind, String mediaType, long sizeBytes, String sha256) {}

  private static final String FILE_INFO =
      "select a.id, a.fileName, a.kind, a.mediaType, a.sizeBytes, a.sha256"
          + " from PublishedAttachment a where a.businessKey = :key";

  /** Items looked up per query by {@link #attributes}. */
  static final int ATTRIBUTE_SLICE = 500;

  /** How much of a file is read from the database at a time. */
  public static final int CHUNK = 256 * 1024;

  private final PublishedItemRepository items;
  private final EntityManager entityManager;
  private final JdbcClient jdbc;

  PublishedItems(PublishedItemRepository items, EntityManager entityManager, JdbcClient jdbc) {
    this.items = items;
    this.entityManager = entityManager;
    this.jdbc = jdbc;
  }

  public Optional<Entry> find(String businessKey) {
    return items.findById(businessKey).map(PublishedItems::entry);
  }

  /** Items visible on the day, newest first. */
  public List<Entry> visibleOn(LocalDate day) {
    return entries(items.findVisibleOn(day));
  }

  /** The newest {@code count} items visible on the day. */
  public List<Entry> latestVisible(LocalDate day, int count) {
    return entries(items.findVisibleOn(day, PageRequest.of(0, count)));
  }

  public List<Entry> visibleInCategory(LocalDate day, String category) {
    return entries(items.findVisibleInCategory(day, category));
  }

  public List<Entry> visibleForOitItem(LocalDate day, String oitItem) {
    return entries(items.findVisibleForOitItem(day, oitItem));
  }

  /**
   * Visible items whose title or details contain the text literally (case-insensitive: no LIKE
   * wildcards), newest first; page 0 is the first.
   */
  public List<Entry> searchVisible(LocalDate day, String text, int page, int size) {
    return entries(
        items.searchVisible(
            day, PublishedItemRepository.likeLiteral(text), PageRequest.of(page, size)));
  }

  /** Visible items per category id. */
  public Map<String, Long> countByCategory(LocalDate day) {
    return countBy("category", day);
  }

  /** Visible items per ITA/OIT indicator code. */
  public Map<String, Long> countByOitItem(LocalDate day) {
    return countBy("oitItem", day);
  }

  /**
   * The unit, category and indicator of each of the items that exist, taken down or not, in one
   * query; unknown keys are left out.
   */
  public Map<String, Attributes> attributes(Collection<String> businessKeys) {
    Map<String, Attributes> found = new HashMap<>();
    List<String> keys = List.copyOf(businessKeys);
    // In slices: a batch of visits may name thousands of pages, and one IN list per slice keeps
    // the statement small and its plan reused.
    for (int from = 0; from < keys.size(); from += ATTRIBUTE_SLICE) {
      entityManager
          .createQuery(
              "select i.businessKey, i.unit, i.category, i.oitItem from PublishedItem i"
                  + " where i.businessKey in :keys",
              Object[].class)
          .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + ATTRIBUTE_SLICE)))
          .getResultList()
          .forEach(
              row ->
                  found.put(
                      (String) row[0],
                      new Attributes((String) row[1], (String) row[2], (String) row[3])));
    }
    return found;
  }

  public List<FileInfo> files(String businessKey) {
    return entityManager
        .createQuery(FILE_INFO + " order by a.variableName", Object[].class)
        .setParameter("key", businessKey)
        .getResultList()
        .stream()
        .map(PublishedItems::fileInfo)
        .toList();
  }

  public Optional<FileInfo> file(String businessKey, long id) {
    return entityManager
        .createQuery(FILE_INFO + " and a.id = :id", Object[].class)
        .setParameter("key", businessKey)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(PublishedItems::fileInfo)
        .findFirst();
  }

  /**
   * The bytes of a published file, read from the database one chunk at a time as they are sent: a
   * large video is never held whole, and a range request (seeking) skips what it does not need
   * without reading it.
   */
  public InputStream openContent(FileInfo file) {
    return new StoredContent(file.id(), file.sizeBytes());
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

  private static List<Entry> entries(List<PublishedItem> list) {
    return list.stream().map(PublishedItems::entry).toList();
  }

  static Entry entry(PublishedItem i) {
    return new Entry(
        i.getBusinessKey(),
        i.getTitle(),
        i.getDetails(),
        i.getCategory(),
        i.getOitItem(),
        i.getUnit(),
        i.getExternalUrl(),
        i.getPublishFrom(),
        i.getPublishUntil(),
        i.getPublishedBy(),
        i.getPublishedAt(),
        i.getPublicUrl(),
        i.getWithdrawnAt(),
        i.getWithdrawnBy(),
        i.getWithdrawnReason());
  }

  /** A published file's content as a stream of chunks, each read with its own query. */
  private final class StoredContent extends InputStream {
    private final long fileId;
    private final long size;
    private long position;
    private byte[] chunk = new byte[0];
    private int inChunk;

    StoredContent(long fileId, long size) {
      this.fileId = fileId;
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (inChunk == chunk.length && !nextChunk()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - inChunk);
      System.arraycopy(chunk, inChunk, buffer, offset, n);
      inChunk += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long buffered = Math.min(Math.max(n, 0), chunk.length - inChunk);
      inChunk += (int) buffered;
      long beyond = Math.min(n - buffered, size - position);
      position += Math.max(beyond, 0);
      return buffered + Math.max(beyond, 0);
    }

    @Override
    public int available() {
      return chunk.length - inChunk;
    }

    private boolean nextChunk() throws IOException {
      if (position >= size) {
        return false;
      }
      int length = (int) Math.min(CHUNK, size - position);
      // SQL counts from 1; substring of a binary value works alike on H2 and PostgreSQL.
      byte[] read =
          jdbc.sql("select substring(content from ? for ?) from published_attachments where id = ?")
              .param(position + 1)
              .param(length)
              .param(fileId)
              .query(byte[].class)
              .optional()
              .orElseThrow(() -> new IOException("published file " + fileId + " is gone"));
      if (read.length == 0) {
        throw new IOException("published file " + fileId + " ends before its recorded size");
      }
      chunk = read;
      inChunk = 0;
      position += read.length;
      return true;
    }
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
