package dev.brushedit.cli;

/**
 * An option value the command cannot use (malformed, out of range, or options that exclude each
 * other): exit code 2, like picocli's own parse errors. The message names the flag.
 *
 * <p>Thread-safety: immutable once thrown.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
