package th.go.municipal.publication.incident;

import java.time.Instant;

/**
 * Published in the transaction that registered an urgent incident, for those who count incidents
 * (the monitoring report).
 */
public record IncidentRaised(
    String incidentKey, String unit, String requestKey, Instant raisedAt) {}
