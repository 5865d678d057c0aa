package dev.brushedit.batch;

/**
 * What became of one batch item.
 *
 * <p>Thread-safety: immutable.
 */
public enum ItemStatus {
    /** Run in this batch; its output was written. */
    DONE,
    /** Its output was already there (an earlier run finished it), so it was not run again. */
    SKIPPED,
    /** It failed; no output was written and the message says why. */
    FAILED
}
