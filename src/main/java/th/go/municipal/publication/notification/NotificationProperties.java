package th.go.municipal.publication.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Who e-mail comes from and where staff are sent to do their work. */
@ConfigurationProperties(prefix = "publication.notification")
public class NotificationProperties {

  /** Sender address; blank means the municipality's own e-mail address (municipality.email). */
  private String from = "";

  /** Tasklist as staff reach it; blank means municipality.website-url + /camunda/app/tasklist/. */
  private String tasklistUrl = "";

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
}
