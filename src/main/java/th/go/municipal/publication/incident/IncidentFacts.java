package th.go.municipal.publication.incident;

import java.time.Instant;

/**
 * What the announcement asks the head to report: date and time, place, people, damage, cause,
 * remedy.
 */
record IncidentFacts(
    Instant incidentAt,
    String location,
    Long affectedCount,
    String damageArea,
    String cause,
    String remedy) {}
