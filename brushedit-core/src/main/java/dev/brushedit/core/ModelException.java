package dev.brushedit.core;

/**
 * A model folder or graph cannot be used: a part is missing, a file cannot be loaded, or a graph's
 * inputs and outputs do not match the contract the pipeline feeds and reads. The message names the
 * file, the input or output, what was expected and what was found, and, for a missing part, how to
 * produce it.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class ModelException extends BrushEditException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the file and the mismatch. */
    public ModelException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying load failure. */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
