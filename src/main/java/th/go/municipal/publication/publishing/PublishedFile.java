package th.go.municipal.publication.publishing;

/**
 * An attachment as it goes to a website: name, kind (text, image, audio, video), type and bytes.
 */
public record PublishedFile(
    String variable,
    String fileName,
    String kind,
    String mediaType,
    String sha256,
    byte[] content) {}
