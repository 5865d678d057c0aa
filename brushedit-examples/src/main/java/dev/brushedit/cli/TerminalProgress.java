package dev.brushedit.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal's error stream, redrawn in place with carriage returns.
 * Silent when the tool's output is not a terminal.
 *
 * <p>Thread-safety: not thread-safe; one bar per running command.
 */
final class TerminalProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();

    TerminalProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static TerminalProgress forConsole(PrintWriter err, boolean quiet) {
        return new TerminalProgress(err, !quiet && System.console() != null);
    }

    /** A listener that draws this bar for {@code stage}. */
    dev.brushedit.inpaint.ProgressListener listener(String stage) {
        return (step, total, preview) -> update(stage, step, total);
    }

    void update(String stage, int done, int total) {
        if (!enabled || total <= 0) {
            return;
        }
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("\r%-10s [%s%s] %d/%d %.1fs", stage, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, seconds);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
