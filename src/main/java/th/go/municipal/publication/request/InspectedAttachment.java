package th.go.municipal.publication.request;

/** An attachment that passed inspection: what its content really is, and the text read from it. */
record InspectedAttachment(
    String variable,
    String fileName,
    String kind,
    String mediaType,
    long size,
    String sha256,
    String text) {}
