package dev.brushedit.inpaint;

import dev.brushedit.core.CancelledException;
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

    /**
     * Throws a {@link CancelledException} with the message {@code "<operation> cancelled before <where>"}
     * (e.g. "ZONE edit cancelled before step 3 of 20") when {@code token} is cancelled; does nothing
     * when it is not, or when {@code token} is null (the work is not cancellable). For the step
     * boundaries of long-running work.
     *
     * @param token the caller's token, or null
     * @param operation what is being cancelled, e.g. "MimicBrush inpainting"
     * @param where the boundary reached, e.g. "step 3 of 20"
     */
    public static void throwIfCancelled(CancellationToken token, String operation, String where) {
        if (token != null && token.isCancelled()) {
            throw new CancelledException(operation + " cancelled before " + where);
        }
    }
}
