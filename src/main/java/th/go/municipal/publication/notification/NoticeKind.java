package th.go.municipal.publication.notification;

/** The e-mails a member of staff may choose to get or not. */
public enum NoticeKind {
  /** A task arrived for them or their group. */
  TASK_ARRIVED,
  /** A request they prepared was returned, with the reason. */
  REQUEST_RETURNED,
  /** A request they prepared is on the website, with its link. */
  ITEM_PUBLISHED
}
