package dev.brushedit.inpaint;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;

/**
 * The output of one inpainting call: the images, the mask actually used (after any refinement or
 * scaling, at the input image's size, 1 = edited) and the {@link Provenance}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param images the generated images, at least one, each the size of the input image
 * @param maskUsed the mask that decided which pixels were edited
 * @param provenance how the images were made
 */
public record InpaintResult(List<RgbImage> images, Mask maskUsed, Provenance provenance) {

    /** Validates that there is at least one image. */
    public InpaintResult {
        if (images == null || images.isEmpty()) {
            throw new InvalidInputException("a result must hold at least one image");
        }
        images = List.copyOf(images);
    }

    /** The first (usually the only) image. */
    public RgbImage image() {
        return images.get(0);
    }
}
