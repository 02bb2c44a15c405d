package th.go.municipal.publication.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Which files may be attached: per kind of the announcement (text, image, audio, video) a size
 * limit and the file-name extensions allowed, each with the content types its content must have.
 */
@ConfigurationProperties(prefix = "publication.attachments")
public class AttachmentProperties {

  private int maxCount = 5;
  private Map<String, Kind> kinds = new LinkedHashMap<>();

  /** One kind of file, e.g. ข้อมูลภาพ (image). */
  public static class Kind {
    private String label;
    private DataSize maxSize = DataSize.ofMegabytes(10);
    private Map<String, List<String>> extensions = new LinkedHashMap<>();

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public DataSize getMaxSize() {
      return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
      this.maxSize = maxSize;
    }

    public Map<String, List<String>> getExtensions() {
      return extensions;
    }

    public void setExtensions(Map<String, List<String>> extensions) {
      this.extensions = extensions;
    }
  }

  /** The kind that allows an extension, with its name. */
  public Optional<Map.Entry<String, Kind>> kindOf(String extension) {
    return kinds.entrySet().stream()
        .filter(e -> e.getValue().getExtensions().containsKey(extension))
        .findFirst();
  }

  public List<String> allExtensions() {
    return kinds.values().stream().flatMap(k -> k.getExtensions().keySet().stream()).toList();
  }

  public int getMaxCount() {
    return maxCount;
  }

  public void setMaxCount(int maxCount) {
    this.maxCount = maxCount;
  }

  public Map<String, Kind> getKinds() {
    return kinds;
  }

  public void setKinds(Map<String, Kind> kinds) {
    this.kinds = kinds;
  }
}
