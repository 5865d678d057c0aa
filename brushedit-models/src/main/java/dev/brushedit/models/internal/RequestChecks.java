package dev.brushedit.models.internal;

import dev.brushedit.core.Checks;

/**
 * The value ranges that every diffusion request builder accepts (InpaintRequest, Pix2PixRequest,
 * ReferenceRequest, DenoisingLoop), kept in one place so the ranges and their messages cannot drift
 * apart: e.g. "steps must be between 1 and 1000, was 0".
 *
 * <p>Thread-safety: stateless.
 */
public final class RequestChecks {
    /** The most denoising steps a request may ask for. */
    public static final int MAX_STEPS = 1000;
    /** The largest classifier-free guidance scale a request may ask for. */
    public static final double MAX_GUIDANCE = 50.0;

    private RequestChecks() {}

    /** Returns {@code steps} when it is 1 to {@value #MAX_STEPS}, else throws naming "steps". */
    public static int steps(int steps) {
        return Checks.inRange("steps", steps, 1, MAX_STEPS);
    }

    /** Returns {@code scale} when it is 0 to {@value #MAX_GUIDANCE}, else throws naming {@code name}. */
    public static double guidanceScale(String name, double scale) {
        return Checks.inRange(name, scale, 0.0, MAX_GUIDANCE);
    }
}
