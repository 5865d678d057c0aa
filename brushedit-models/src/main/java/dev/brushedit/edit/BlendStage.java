package dev.brushedit.edit;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * The last stage of an edit: combines the original image, the inpainter's output (already pasted
 * back through the mask with the request's {@link dev.brushedit.inpaint.BlendOptions}) and the
 * repainted mask into the final image, e.g. a colour-matching or edge-smoothing pass.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface BlendStage {

    /** Keeps the inpainter's output as it is. */
    BlendStage NONE = (original, inpainted, mask) -> inpainted;

    /**
     * The final image.
     *
     * @param original the image before the edit
     * @param inpainted the inpainter's output, the same size
     * @param mask the repainted region (1 = repainted), the same size
     * @return an image of the same size
     */
    RgbImage apply(RgbImage original, RgbImage inpainted, Mask mask);
}
