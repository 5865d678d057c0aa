package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.Box;

/**
 * Where and at what size the model works on one inpainting call: the {@code source} box of the
 * original image, scaled to {@code width x height}, then padded on the right and bottom to
 * {@code paddedWidth x paddedHeight} (multiples of the model's size multiple).
 *
 * <p>Thread-safety: immutable.
 *
 * @param source the region of the original image that is processed
 * @param width the scaled width of that region
 * @param height the scaled height of that region
 * @param paddedWidth the width after padding to the model's multiple
 * @param paddedHeight the height after padding to the model's multiple
 */
public record WorkRegion(Box source, int width, int height, int paddedWidth, int paddedHeight) {

    /** True when the region is processed at its own resolution. */
    public boolean unscaled() {
        return width == source.width() && height == source.height();
    }

    /** True when padding is added. */
    public boolean padded() {
        return paddedWidth != width || paddedHeight != height;
    }
}
