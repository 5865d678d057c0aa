package dev.brushedit.core;

/**
 * A model run failed, or produced a non-finite value (NaN or infinity) where finite values are
 * required. The message names the model, the output and the step.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class InferenceException extends BrushEditException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the model, output and step. */
    public InferenceException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the runtime's error. */
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
