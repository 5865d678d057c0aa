package dev.brushedit.edit.structure;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintResult;
import java.util.Optional;

/**
 * Everything a move or resize produced, stage by stage, so any of it can be inspected or corrected:
 * the object's mask, its soft matte, the lifted object, the vacated area and how it was filled, the
 * placement, the pasted image before harmonisation, the seam region and the final image.
 *
 * <p>Thread-safety: immutable.
 *
 * @param image the final image, the input's size
 * @param placement the object's box before and after
 * @param objectMask the object's binary mask in the input
 * @param matte the object's soft matte in the input (the binary mask feathered)
 * @param liftedObject the input's pixels around the object (the matte's support box)
 * @param liftedMatte the matte over {@code liftedObject}'s box
 * @param vacatedMask the region the remover filled (the object's mask dilated)
 * @param vacatedFill the remover's result: the image with the object removed, with its provenance
 * @param placedMatte the matte at the new position and scale, the input's size
 * @param pasted the filled background with the object pasted through {@code placedMatte}
 * @param harmonisation the harmonisation used (never AUTO)
 * @param seamMask the region the harmonisation changed (the Poisson region or the repainted ring)
 * @param seamRepaint the diffusion inpainter's result for the ring, when {@link Harmonisation#DIFFUSION_RING} ran
 */
public record StructuralEditResult(RgbImage image, Placement placement, Mask objectMask, Mask matte, RgbImage liftedObject,
        Mask liftedMatte, Mask vacatedMask, InpaintResult vacatedFill, Mask placedMatte, RgbImage pasted,
        Harmonisation harmonisation, Mask seamMask, Optional<InpaintResult> seamRepaint) {

    /** Validates that no field is null. */
    public StructuralEditResult {
        Checks.notNull("image", image);
        Checks.notNull("placement", placement);
        Checks.notNull("objectMask", objectMask);
        Checks.notNull("matte", matte);
        Checks.notNull("liftedObject", liftedObject);
        Checks.notNull("liftedMatte", liftedMatte);
        Checks.notNull("vacatedMask", vacatedMask);
        Checks.notNull("vacatedFill", vacatedFill);
        Checks.notNull("placedMatte", placedMatte);
        Checks.notNull("pasted", pasted);
        Checks.notNull("harmonisation", harmonisation);
        Checks.notNull("seamMask", seamMask);
        Checks.notNull("seamRepaint", seamRepaint);
    }

    /** Every pixel the edit may have changed: the vacated area, the placed matte's support and the seam (binary). */
    public Mask changedMask() {
        Mask placed = placedMatte.binarize(1e-6f);
        return MaskOps.union(MaskOps.union(vacatedMask.binarize(0.5f), placed), seamMask.binarize(0.5f));
    }
}
