package dev.brushedit.core;

/**
 * An argument, image, mask or option given by the caller is not acceptable. The message names the
 * argument, the value found and the value expected, e.g. "steps must be between 1 and 1000, was 0".
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class InvalidInputException extends BrushEditException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming what was wrong and what was expected. */
    public InvalidInputException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the cause (e.g. an image decoder's error). */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
