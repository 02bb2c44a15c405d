package th.go.municipal.publication.audit;

/**
 * What happened, before it is written: the request or incident it concerns (and its unit), who did
 * it and as what role, the action, the decision and the comment; and, when the entry vouches for a
 * stored record (a signature, the content as signed, a signed form), that record's reference, its
 * fingerprint and the record itself as JSON.
 */
public record AuditRecord(
    String subjectKey,
    String processInstanceId,
    String actor,
    String role,
    String action,
    String decision,
    String comment,
    String unit,
    String objectRef,
    String fingerprint,
    String details) {

  /** The actor (and role) named when the engine acts on its own: a timer, a job, no user. */
  public static final String SYSTEM = "system";

  /** The user who acted, or {@link #SYSTEM} when no user did. */
  public static String actor(String userId) {
    return userId == null ? SYSTEM : userId;
  }

  public AuditRecord(
      String subjectKey,
      String processInstanceId,
      String actor,
      String role,
      String action,
      String decision,
      String comment) {
    this(
        subjectKey,
        processInstanceId,
        actor,
        role,
        action,
        decision,
        comment,
        null,
        null,
        null,
        null);
  }

  public AuditRecord withUnit(String unit) {
    return new AuditRecord(
        subjectKey,
        processInstanceId,
        actor,
        role,
        action,
        decision,
        comment,
        unit,
        objectRef,
        fingerprint,
        details);
  }

  /** The same entry about the given request or incident. */
  public AuditRecord withSubject(String subjectKey) {
    return new AuditRecord(
        subjectKey,
        processInstanceId,
        actor,
        role,
        action,
        decision,
        comment,
        unit,
        objectRef,
        fingerprint,
        details);
  }

  /** The same entry vouching for a stored record: its reference, fingerprint and JSON. */
  public AuditRecord vouchingFor(String objectRef, String fingerprint, String details) {
    return new AuditRecord(
        subjectKey,
        processInstanceId,
        actor,
        role,
        action,
        decision,
        comment,
        unit,
        objectRef,
        fingerprint,
        details);
  }
}
