package th.go.municipal.publication.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** What one person chose to be e-mailed; without a row, the defaults of {@link #defaults}. */
@Entity
@Table(name = "notification_preferences")
class NotificationPreference {

  /** How a person hears of tasks arriving. */
  enum TaskArrival {
    /** An e-mail for each task as it arrives. */
    IMMEDIATE,
    /** One e-mail each working morning listing the tasks waiting. */
    DIGEST,
    OFF
  }

  @Id
  @Column(name = "user_id")
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "task_arrived", nullable = false, length = 16)
  private TaskArrival taskArrived;

  @Column(name = "request_returned", nullable = false)
  private boolean requestReturned;

  @Column(name = "item_published", nullable = false)
  private boolean itemPublished;

  @Column(name = "digest_sent_on")
  private LocalDate digestSentOn;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected NotificationPreference() {}

  NotificationPreference(String userId, Instant now) {
    this.userId = userId;
    this.taskArrived = TaskArrival.IMMEDIATE;
    this.requestReturned = true;
    this.itemPublished = true;
    this.updatedAt = now;
  }

  static NotificationPreference defaults(String userId) {
    return new NotificationPreference(userId, Instant.EPOCH);
  }

  void choose(
      TaskArrival taskArrived, boolean requestReturned, boolean itemPublished, Instant now) {
    this.taskArrived = taskArrived;
    this.requestReturned = requestReturned;
    this.itemPublished = itemPublished;
    this.updatedAt = now;
  }

  boolean wants(NoticeKind kind) {
    return switch (kind) {
      case TASK_ARRIVED -> taskArrived == TaskArrival.IMMEDIATE;
      case REQUEST_RETURNED -> requestReturned;
      case ITEM_PUBLISHED -> itemPublished;
    };
  }

  String getUserId() {
    return userId;
  }

  TaskArrival getTaskArrived() {
    return taskArrived;
  }

  boolean isRequestReturned() {
    return requestReturned;
  }

  boolean isItemPublished() {
    return itemPublished;
  }
}
