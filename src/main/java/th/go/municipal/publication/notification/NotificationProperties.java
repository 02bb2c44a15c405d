package th.go.municipal.publication.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who e-mail comes from, where staff are sent to do their work, and how long kept e-mail keeps its
 * personal data.
 */
@ConfigurationProperties(prefix = "publication.notification")
public class NotificationProperties {

  /** Sender address; blank means the municipality's own e-mail address (municipality.email). */
  private String from = "";

  /** Tasklist as staff reach it; blank means municipality.website-url + /camunda/app/tasklist/. */
  private String tasklistUrl = "";

  /** How long an e-mail kept in the outbox keeps its recipients and text (PDPA). */
  private Duration outboxRetention = Duration.ofDays(180);

  /** When e-mails past their retention period are anonymised (Bangkok time). */
  private String retentionCron = "0 20 2 * * *";

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTasklistUrl() {
    return tasklistUrl;
  }

  public void setTasklistUrl(String tasklistUrl) {
    this.tasklistUrl = tasklistUrl;
  }

  public Duration getOutboxRetention() {
    return outboxRetention;
  }

  public void setOutboxRetention(Duration outboxRetention) {
    this.outboxRetention = outboxRetention;
  }

  public String getRetentionCron() {
    return retentionCron;
  }

  public void setRetentionCron(String retentionCron) {
    this.retentionCron = retentionCron;
  }
}
