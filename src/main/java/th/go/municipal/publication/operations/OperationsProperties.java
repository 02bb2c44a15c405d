package th.go.municipal.publication.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the health checks that cost more than a query run ({@code publication.operations}). */
@ConfigurationProperties(prefix = "publication.operations")
public class OperationsProperties {

  /** How often the whole audit chain is verified for the health endpoint. */
  private Duration auditCheckInterval = Duration.ofMinutes(10);

  /** How long the answer of the mail server is trusted before it is asked again. */
  private Duration mailCheckInterval = Duration.ofMinutes(1);

  public Duration getAuditCheckInterval() {
    return auditCheckInterval;
  }

  public void setAuditCheckInterval(Duration auditCheckInterval) {
    this.auditCheckInterval = auditCheckInterval;
  }

  public Duration getMailCheckInterval() {
    return mailCheckInterval;
  }

  public void setMailCheckInterval(Duration mailCheckInterval) {
    this.mailCheckInterval = mailCheckInterval;
  }
}
