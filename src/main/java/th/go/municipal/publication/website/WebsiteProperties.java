package th.go.municipal.publication.website;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** How the public website serves and counts its pages ({@code publication.website}). */
@ConfigurationProperties(prefix = "publication.website")
public class WebsiteProperties {

  /**
   * How long a kept page is served before it is rendered again even without a change: bounds how
   * long another node of a cluster, which never sees this node's changes, serves an older page.
   */
  private Duration renderCacheTtl = Duration.ofSeconds(30);

  /** Tomcat's socket write buffer per connection; a whole page should leave in one write. */
  private DataSize socketWriteBuffer = DataSize.ofKilobytes(32);

  private final Visits visits = new Visits();

  /** Visit counting for the monitoring report. */
  public static class Visits {

    /** How often the counts gathered in memory are written to page_visits. */
    private Duration flushInterval = Duration.ofSeconds(30);

    public Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
      this.flushInterval = flushInterval;
    }
  }

  public Duration getRenderCacheTtl() {
    return renderCacheTtl;
  }

  public void setRenderCacheTtl(Duration renderCacheTtl) {
    this.renderCacheTtl = renderCacheTtl;
  }

  public DataSize getSocketWriteBuffer() {
    return socketWriteBuffer;
  }

  public void setSocketWriteBuffer(DataSize socketWriteBuffer) {
    this.socketWriteBuffer = socketWriteBuffer;
  }

  public Visits getVisits() {
    return visits;
  }
}
