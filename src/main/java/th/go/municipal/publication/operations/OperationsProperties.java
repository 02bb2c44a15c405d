package th.go.municipal.publication.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the mail server is asked for the health endpoint ({@code publication.operations}). */
@ConfigurationProperties(prefix = "publication.operations")
public class OperationsProperties {

  /** How long the answer of the mail server is trusted before it is asked again. */
  private Duration mailCheckInterval = Duration.ofMinutes(1);

  public Duration getMailCheckInterval() {
    return mailCheckInterval;
  }

  public void setMailCheckInterval(Duration mailCheckInterval) {
    this.mailCheckInterval = mailCheckInterval;
  }
}
