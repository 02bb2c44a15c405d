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
    String comment) {}
