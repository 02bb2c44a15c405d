package th.go.municipal.publication.request;

/** Where a request stands, as the HTTP contract names it. */
public enum RequestStatus {
  PREPARING,
  AWAITING_APPROVAL,
  AWAITING_PUBLICATION,
  PUBLISHED,
  REJECTED,
  UNPUBLISHED
}
