package th.go.municipal.publication.request;

/**
 * A file as it arrived in a File variable: its variable name (attachment1 …), file name and bytes.
 */
record IncomingFile(String variable, String fileName, byte[] content) {}
