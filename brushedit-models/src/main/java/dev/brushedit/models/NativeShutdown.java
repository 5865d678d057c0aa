package dev.brushedit.models;

import dev.brushedit.core.Checks;
import dev.brushedit.models.internal.NativeGate;
import java.time.Duration;

/**
 * Lets an application exit cleanly while models load or run. ONNX Runtime's Java binding releases
 * its native environment in a JVM shutdown hook, and shutdown hooks run at once when the JVM exits
 * (a signal's default action, or {@code System.exit}): an exit while a session is being created
 * frees the runtime under that call and crashes the process (exit 134 and an {@code hs_err} file).
 * Call {@link #stopAndAwait} <em>before</em> starting the exit, e.g. from your own SIGTERM handler
 * followed by {@code System.exit}: it stops every further ONNX Runtime call in this process and
 * waits, bounded, for the calls already running (session creation, runs, releases). Threads that
 * reach ONNX Runtime afterwards wait for the exit instead. (Calling it from a shutdown hook is too
 * late: the binding's hook runs beside it.) The {@code brushedit} command-line tool does this.
 *
 * <p>Thread-safety: safe for concurrent use; one-way (there is no restart).
 */
public final class NativeShutdown {
    private NativeShutdown() {}

    /**
     * Stops all further ONNX Runtime work in this process and waits for the running calls.
     *
     * @param timeout longest wait, 0 to 10 minutes
     * @return true when no ONNX Runtime call was running on return; false when the timeout passed first
     */
    public static boolean stopAndAwait(Duration timeout) {
        Checks.notNull("timeout", timeout);
        if (timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new dev.brushedit.core.InvalidInputException("timeout must be between 0 and 10 minutes, was " + timeout);
        }
        return NativeGate.stopAndAwait(timeout);
    }
}
