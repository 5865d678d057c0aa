package dev.brushedit.inpaint;

import dev.brushedit.inpaint.internal.BackendJob;
import dev.brushedit.models.VaeEncoder;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The test-only route to {@link Inpainter.Builder}'s hooks (fixed clock, seed source, deterministic
 * condition latents), which are package-private so that they are not public API.
 */
public final class InpainterTestHooks {
    private InpainterTestHooks() {}

    /** Sets the clock stamped into provenance. */
    public static Inpainter.Builder clock(Inpainter.Builder builder, Clock clock) {
        return builder.clock(clock);
    }

    /** Sets where seeds come from when a request has none. */
    public static Inpainter.Builder seeds(Inpainter.Builder builder, LongSupplier seeds) {
        return builder.seeds(seeds);
    }

    /** The backend job the inpainter derives from {@code request}. */
    public static BackendJob job(InpaintRequest request) {
        return Inpainter.job(request);
    }

    /** Sets how the condition image's VAE latents are taken ({@code MEAN} for parity checks). */
    public static Inpainter.Builder conditionSampling(Inpainter.Builder builder, VaeEncoder.Sampling sampling) {
        return builder.conditionSampling(sampling);
    }
}
