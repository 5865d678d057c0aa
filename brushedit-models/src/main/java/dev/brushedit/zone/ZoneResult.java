package dev.brushedit.zone;

import dev.brushedit.blend.SmoothedEdit;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Provenance;
import dev.brushedit.pix2pix.ZoneAction;
import java.util.List;

/**
 * Every intermediate of one {@link ZoneEditor#edit} run, in pipeline order. All images and masks have
 * the source image's size; masks are binary (1 = set).
 *
 * <p>Thread-safety: immutable.
 *
 * @param plan the instructor's plan
 * @param action the ZONE action derived from the plan's category
 * @param edited the whole-image edit (fused InstructPix2Pix / MagicBrush) with its own provenance
 * @param coarseMask ZONE's coarse mask from the cross-attention (1 = edited region)
 * @param segments the candidate segments SAM proposed (on the edited image, on the source for REMOVE)
 * @param fineMask the Region-IoU refined mask
 * @param dilatedMask the fine mask dilated by the editor's dilation
 * @param composite the composite by action (ZONE's {@code composite/NAME.png})
 * @param smoothed the FFT edge smoother's mask and image (ZONE's {@code composite/NAME_fft.png}):
 *     the final image
 * @param provenance how the result was made: backend {@value ZoneEditor#BACKEND}, the fused edit's
 *     model hashes, scheduler and request, every stage's time, and in its settings the action, the
 *     blend weight, the dilation and the mode
 */
public record ZoneResult(EditPlan plan, ZoneAction action, InpaintResult edited, Mask coarseMask, List<Mask> segments, Mask fineMask,
        Mask dilatedMask, RgbImage composite, SmoothedEdit smoothed, Provenance provenance) {

    /** Validates that nothing is null and copies the segment list. */
    public ZoneResult {
        Checks.notNull("plan", plan);
        Checks.notNull("action", action);
        Checks.notNull("edited", edited);
        Checks.notNull("coarseMask", coarseMask);
        segments = List.copyOf(Checks.notNull("segments", segments));
        Checks.notNull("fineMask", fineMask);
        Checks.notNull("dilatedMask", dilatedMask);
        Checks.notNull("composite", composite);
        Checks.notNull("smoothed", smoothed);
        Checks.notNull("provenance", provenance);
    }

    /** The final image: the edge-smoothed composite. */
    public RgbImage image() {
        return smoothed.image();
    }

    /** The edited whole image before any compositing. */
    public RgbImage editedImage() {
        return edited.image();
    }
}
