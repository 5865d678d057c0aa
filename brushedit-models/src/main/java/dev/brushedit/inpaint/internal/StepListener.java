package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.RgbImage;

/**
 * Where a backend reports each finished step; the public {@code Inpainter} adapts its progress
 * listener to it.
 *
 * <p>Thread-safety: called from the inpainting thread only.
 */
public interface StepListener {

    /** A listener that ignores every step and wants no previews. */
    StepListener NONE = new StepListener() {
        @Override
        public void onStep(int step, int total, RgbImage preview) {
            // ignored
        }

        @Override
        public boolean wantsPreview() {
            return false;
        }
    };

    /** Step {@code step} of {@code total} (1-based) is done; {@code preview} is null unless {@link #wantsPreview()}. */
    void onStep(int step, int total, RgbImage preview);

    /** Whether previews should be decoded for {@link #onStep}. */
    boolean wantsPreview();
}
