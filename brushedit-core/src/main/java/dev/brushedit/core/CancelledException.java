package dev.brushedit.core;

/**
 * The work was cancelled cooperatively by the caller (for example through a progress listener or a
 * cancellation token) before it completed. No partial result is returned.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class CancelledException extends BrushEditException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming where the work stopped. */
    public CancelledException(String message) {
        super(message);
    }
}
