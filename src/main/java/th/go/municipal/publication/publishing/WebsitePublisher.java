package th.go.municipal.publication.publishing;

/**
 * Puts approved content onto a website and takes it down again. Chosen by {@code
 * publication.publishing.publisher}. Both operations must be idempotent per business key: a retried
 * job calls them again for the same item and must not create a second post, and taking down what is
 * already down succeeds.
 */
public interface WebsitePublisher {

  /** Publishes (or updates) the content and returns its public address. */
  String publish(PublicationContent content);

  /** Takes the item down at the target. */
  void unpublish(String businessKey);
}
