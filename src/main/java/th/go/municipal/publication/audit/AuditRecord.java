package th.go.municipal.publication.audit;

/**
 * What happened, before it is written: the request or incident it concerns, who did it and as what
 * role, the action, the decision and the comment.
 */
public record AuditRecord(
    String subjectKey,
    String processInstanceId,
    String actor,
    String role,
    String action,
    String decision,
    String comment) {

  /** The actor (and role) named when the engine acts on its own: a timer, a job, no user. */
  public static final String SYSTEM = "system";

  /** The user who acted, or {@link #SYSTEM} when no user did. */
  public static String actor(String userId) {
    return userId == null ? SYSTEM : userId;
  }
}
