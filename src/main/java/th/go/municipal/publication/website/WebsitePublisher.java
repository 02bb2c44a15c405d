package th.go.municipal.publication.website;

/**
 * Puts approved content onto a website. Implementations must be idempotent per business key: a
 * retried job calls them again for the same item and must not create a second post.
 */
public interface WebsitePublisher {

  /** Publishes the content and returns its public address. */
  String publish(PublicationContent content);
}
