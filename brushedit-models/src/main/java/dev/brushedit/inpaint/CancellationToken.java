package dev.brushedit.inpaint;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation: another thread calls {@link #cancel()}, and the running inpainting
 * stops at its next step boundary with a {@link dev.brushedit.core.CancelledException}.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token that is not cancelled yet. */
    public CancellationToken() {}

    /** Requests cancellation; idempotent. */
    public void cancel() {
        cancelled.set(true);
    }

    /** True once {@link #cancel()} has been called. */
    public boolean isCancelled() {
        return cancelled.get();
    }
}
