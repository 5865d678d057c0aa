package dev.brushedit.server;

/**
 * A request the server answers with an HTTP error status and a JSON body naming the request field
 * that was wrong (when one was).
 *
 * <p>Thread-safety: immutable.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    ApiException(int status, String field, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.field = field;
    }

    /** 400: a field is missing or malformed. */
    static ApiException badField(String field, String message) {
        return new ApiException(400, field, field + ": " + message);
    }

    /** 422: well-formed, but this server cannot honour it (no model for it, object not found). */
    static ApiException cannotHonour(String field, String message) {
        return new ApiException(422, field, message);
    }

    int status() {
        return status;
    }

    /** The request field at fault, or null when the fault is not one field's. */
    String field() {
        return field;
    }
}
