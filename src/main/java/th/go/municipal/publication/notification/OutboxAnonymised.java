package th.go.municipal.publication.notification;

import java.time.Instant;
import java.util.List;

/**
 * E-mails kept in the outbox whose recipients and text were erased, published in the transaction
 * that erased them so that it can be audited there.
 */
public record OutboxAnonymised(List<Long> ids, Instant keptBefore, Instant at) {}
