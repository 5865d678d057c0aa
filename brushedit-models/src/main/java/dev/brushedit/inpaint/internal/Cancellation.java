package dev.brushedit.inpaint.internal;

import dev.brushedit.core.CancelledException;
import dev.brushedit.inpaint.CancellationToken;

/**
 * Throws {@link CancelledException} at a step boundary once a token is cancelled.
 *
 * <p>Thread-safety: stateless.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Throws when {@code token} is cancelled, naming {@code where} the work stopped. */
    public static void check(CancellationToken token, String where) {
        if (token != null && token.isCancelled()) {
            throw new CancelledException("inpainting cancelled before " + where);
        }
    }
}
