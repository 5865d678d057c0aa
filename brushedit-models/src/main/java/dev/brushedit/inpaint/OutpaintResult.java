package dev.brushedit.inpaint;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.outpaint.OutpaintCanvas;
import dev.brushedit.inpaint.outpaint.OutpaintExtension;
import dev.brushedit.inpaint.outpaint.Sides;
import java.util.List;

/**
 * The output of {@link Inpainter#outpaint}: the extended images (one per requested output, each
 * the canvas's size, the seam cross-faded), the canvas with its mask, initial fill and seam weights,
 * the extension as asked, the backend's raw result on the canvas, and the provenance (whose work
 * region names the extension and the canvas size).
 *
 * <p>Thread-safety: immutable.
 *
 * @param images the extended images, at least one
 * @param canvas the canvas handed to the backend (image, mask, seam weights, where the original lies)
 * @param extension the extension as given (pixels per side or an aspect ratio)
 * @param generated the backend's result on the canvas, before the seam cross-fade
 * @param provenance how the images were made
 */
public record OutpaintResult(List<RgbImage> images, OutpaintCanvas canvas, OutpaintExtension extension,
        InpaintResult generated, Provenance provenance) {

    /** Validates the fields. */
    public OutpaintResult {
        if (images == null || images.isEmpty()) {
            throw new InvalidInputException("an outpainting result must hold at least one image");
        }
        images = List.copyOf(images);
        Checks.notNull("canvas", canvas);
        Checks.notNull("extension", extension);
        Checks.notNull("generated", generated);
        Checks.notNull("provenance", provenance);
    }

    /** The first (usually the only) extended image. */
    public RgbImage image() {
        return images.get(0);
    }

    /** The pixels added on each side (resolved from an aspect ratio when one was given). */
    public Sides sides() {
        return canvas.sides();
    }
}
