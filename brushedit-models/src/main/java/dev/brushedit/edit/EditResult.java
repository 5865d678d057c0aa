package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Provenance;

/**
 * The outcome of one {@link InstructionEditor#edit} call: the edited image, the plan it followed,
 * the mask that was repainted and the inpainting result (all its images and its provenance).
 * Feed {@link #plan()} or {@link #mask()}, corrected, back through {@link EditOverrides} to re-run.
 *
 * <p>Thread-safety: immutable.
 *
 * @param image the edited image (after the blend stage), the input image's size
 * @param plan the plan used (after overrides)
 * @param mask the repainted region (1 = repainted), the input image's size
 * @param inpaint the inpainter's result: every generated image, the mask it used, its provenance
 */
public record EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint) {

    /** Validates that no field is null. */
    public EditResult {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        Checks.notNull("mask", mask);
        Checks.notNull("inpaint", inpaint);
    }

    /** How the image was made (backend, model hashes, scheduler, seed, timings). */
    public Provenance provenance() {
        return inpaint.provenance();
    }
}
