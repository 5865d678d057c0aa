package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.structure.StructuralEditResult;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Provenance;
import java.util.Optional;

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
 *     (for MOVE and RESIZE edits: the fill of the vacated area)
 * @param structural for MOVE and RESIZE edits, every intermediate of the move (matte, lifted object,
 *     vacated fill, placement, pasted image, seam); absent otherwise
 */
public record EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint,
        Optional<StructuralEditResult> structural) {

    /** Validates that no field is null. */
    public EditResult {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        Checks.notNull("mask", mask);
        Checks.notNull("inpaint", inpaint);
        Checks.notNull("structural", structural);
    }

    /** A result of an inpainting edit (no structural intermediates). */
    public EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint) {
        this(image, plan, mask, inpaint, Optional.empty());
    }

    /** How the image was made (backend, model hashes, scheduler, seed, timings). */
    public Provenance provenance() {
        return inpaint.provenance();
    }
}
