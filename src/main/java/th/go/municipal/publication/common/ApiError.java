package th.go.municipal.publication.common;

/**
 * The JSON error body of the HTTP contract: a code, the field at fault (if any) and a Thai message.
 */
public record ApiError(String error, String field, String message) {}
