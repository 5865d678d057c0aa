package dev.brushedit.core;

/**
 * Root of every exception the SDK throws. Unchecked: callers catch it where they can act on it.
 *
 * <p>Subclasses say what went wrong: {@link InvalidInputException} (the caller's arguments),
 * {@link ModelException} (a model folder or graph that cannot be loaded or breaks the contract),
 * {@link InferenceException} (a model run failed or produced NaN/Inf) and {@link CancelledException}.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class BrushEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what was wrong and what was expected. */
    public BrushEditException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public BrushEditException(String message, Throwable cause) {
        super(message, cause);
    }
}
