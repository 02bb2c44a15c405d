package th.go.municipal.publication.publishing;

import java.time.Instant;

/**
 * Published in the transaction that took an item off the website (end of its period or by hand),
 * for those who count what is published.
 */
public record ItemTakenDown(
    String businessKey, String unit, String category, String oitItem, Instant takenDownAt) {}
