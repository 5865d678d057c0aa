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
 * the mask that was repainted, the executor's result (all its images and its provenance), the name
 * of the {@link EditExecutor} that ran and, when the edit made parts of the image transparent, the
 * image's opacity. Feed {@link #plan()} or {@link #mask()}, corrected, back through
 * {@link EditOverrides} to re-run.
 *
 * <p>Thread-safety: immutable.
 *
 * @param image the edited image (after the blend stage), the input image's size
 * @param plan the plan used (after overrides)
 * @param mask the repainted region (1 = repainted), the input image's size
 * @param inpaint the executor's result: every generated image, the mask it used, its provenance
 * @param executor the name of the executor that ran ({@link EditExecutor#name()})
 * @param alpha the opacity of {@link #image()} (1 = opaque) when the edit made parts transparent
 * @param structural for MOVE and RESIZE edits, every intermediate of the move (matte, lifted object,
 *     vacated fill, placement, pasted image, seam); absent otherwise
 */
public record EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint, String executor,
        Optional<Mask> alpha, Optional<StructuralEditResult> structural) {

    /** Validates that no field is null and an alpha mask has the image's size. */
    public EditResult {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        Checks.notNull("mask", mask);
        Checks.notNull("inpaint", inpaint);
        Checks.notBlank("executor", executor);
        Checks.notNull("alpha", alpha);
        alpha.ifPresent(a -> a.requireSameSize(image));
        Checks.notNull("structural", structural);
    }

    /** A result without structural intermediates (every category but MOVE and RESIZE). */
    public EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint, String executor,
            Optional<Mask> alpha) {
        this(image, plan, mask, inpaint, executor, alpha, Optional.empty());
    }

    /** An opaque result of the inpainter executor named after the provenance's backend. */
    public EditResult(RgbImage image, EditPlan plan, Mask mask, InpaintResult inpaint) {
        this(image, plan, mask, inpaint, InpainterExecutor.PREFIX + Checks.notNull("inpaint", inpaint).provenance().backend(),
                Optional.empty());
    }

    /** How the image was made (backend or executor, model hashes, scheduler, seed, timings). */
    public Provenance provenance() {
        return inpaint.provenance();
    }
}
