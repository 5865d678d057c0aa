package dev.brushedit.inpaint.internal;

import dev.brushedit.core.CancelledException;
import java.util.function.BooleanSupplier;

/**
 * Throws {@link CancelledException} at a step boundary once cancellation is requested.
 *
 * <p>Thread-safety: stateless.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Throws when {@code cancelled} reports true, naming {@code where} the work stopped. */
    public static void check(BooleanSupplier cancelled, String where) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("inpainting cancelled before " + where);
        }
    }
}
