package th.go.municipal.publication.publishing;

import java.time.Instant;

/**
 * Published in the transaction that put an item on the website, for those who count what is
 * published (the monitoring report); a listener's failure rolls the publication back.
 */
public record ItemPublished(
    String businessKey,
    String title,
    String unit,
    String category,
    String oitItem,
    String publicUrl,
    Instant publishedAt) {}
