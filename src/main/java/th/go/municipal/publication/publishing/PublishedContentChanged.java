package th.go.municipal.publication.publishing;

/**
 * Published after a transaction that put an item on or took it off the website has committed:
 * caches of rendered pages listen for it.
 */
public record PublishedContentChanged(String businessKey) {}
