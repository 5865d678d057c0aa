package dev.brushedit.inpaint;

import dev.brushedit.core.image.RgbImage;

/**
 * Receives progress during inpainting. Called on the inpainting thread after every denoising step;
 * keep it quick.
 *
 * <p>Thread-safety: implementations are called from one thread per inpainting call.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (step, total, preview) -> { };

    /**
     * Step {@code step} of {@code total} (1-based) is done.
     *
     * @param preview a cheap low-resolution preview decoded from the latents, or null when previews
     *     are not requested
     */
    void onStep(int step, int total, RgbImage preview);

    /** Whether this listener wants previews (costs a little per step). */
    default boolean wantsPreview() {
        return false;
    }
}
