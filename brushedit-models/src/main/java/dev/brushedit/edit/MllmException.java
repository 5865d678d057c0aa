package dev.brushedit.edit;

import dev.brushedit.core.InferenceException;

/**
 * A multimodal-LLM call failed or its reply could not be turned into an {@link EditPlan}: the
 * server was unreachable or timed out, answered with an error status, or replied with something
 * that is not a usable plan (no JSON, an unknown category, a box that is not a box). The message
 * names the URL, the HTTP status and a snippet of the reply; {@link #httpStatus()} and
 * {@link #rawValue()} give them to programs.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class MllmException extends InferenceException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String rawValue;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what was expected
     * @param httpStatus the HTTP status of the reply, or 0 when there was none
     * @param rawValue the offending value or reply snippet, or an empty string
     * @param cause the underlying error, or null
     */
    public MllmException(String message, int httpStatus, String rawValue, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.rawValue = rawValue == null ? "" : rawValue;
    }

    /** The HTTP status of the failed reply, or 0 when no reply arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The offending value from the reply (a category, a box, a body snippet), or an empty string. */
    public String rawValue() {
        return rawValue;
    }
}
