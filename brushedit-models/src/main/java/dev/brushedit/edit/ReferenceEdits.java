package dev.brushedit.edit;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.reference.ReferenceInpainter;
import dev.brushedit.reference.ReferenceRequest;
import java.util.Set;

/**
 * Edits whose overrides carry a reference image: the planned mask is filled by a
 * {@link ReferenceInpainter} imitating the reference. A LOCAL plan ("make the bag look like the
 * reference") keeps the object's shape when the folder has the depth model (MimicBrush's texture
 * transfer); ADDITION and BACKGROUND plans let the reference's shape in. The request's seed, steps
 * and crop strategy carry over; guidance stays MimicBrush's (its scale is not the text guidance).
 *
 * <p>Thread-safety: stateless.
 */
final class ReferenceEdits {
    /** The executor name recorded in {@link EditResult#executor()}. */
    static final String EXECUTOR = "reference/" + ReferenceInpainter.BACKEND;
    private static final Set<EditCategory> ACCEPTED = Set.of(EditCategory.LOCAL, EditCategory.ADDITION, EditCategory.BACKGROUND);

    private ReferenceEdits() {}

    /** Refuses, before any work, a reference edit without a reference inpainter or of a category it cannot do. */
    static void check(ReferenceInpainter inpainter, EditPlan plan) {
        if (inpainter == null) {
            throw new InvalidInputException("the overrides carry a reference image, but the editor has no reference inpainter; "
                    + "configure InstructionEditor.builder().referenceInpainter(...) with a MimicBrush checkpoint");
        }
        if (!ACCEPTED.contains(plan.category())) {
            throw new InvalidInputException("a reference image fills a masked region (LOCAL, ADDITION or BACKGROUND edits); the plan "
                    + "is " + plan.category() + ", which it cannot express");
        }
    }

    static InpaintResult run(ReferenceInpainter inpainter, RgbImage image, Mask mask, EditPlan plan, RgbImage reference,
            InpaintRequest used, ProgressListener listener, CancellationToken cancel) {
        ReferenceRequest.Builder b = ReferenceRequest.builder().reference(reference).steps(used.steps())
                .keepShape(plan.category() == EditCategory.LOCAL && inpainter.canKeepShape());
        used.seed().ifPresent(b::seed);
        if (used.strategy() instanceof LargeImageStrategy.Crop) {
            b.strategy(used.strategy());
        }
        return inpainter.inpaint(image, mask, b.build(), listener, cancel);
    }
}
