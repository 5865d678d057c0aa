package dev.brushedit.inpaint.outpaint;

import dev.brushedit.core.InvalidInputException;

/**
 * The pixels added on each side of an image by an outpainting call, after an
 * {@link OutpaintExtension} was resolved for the image's size.
 *
 * <p>Thread-safety: immutable.
 *
 * @param left columns added on the left
 * @param top rows added at the top
 * @param right columns added on the right
 * @param bottom rows added at the bottom
 */
public record Sides(int left, int top, int right, int bottom) {

    /** Validates that no side is negative. */
    public Sides {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new InvalidInputException("sides must not be negative, were left " + left + ", top " + top + ", right "
                    + right + ", bottom " + bottom);
        }
    }

    /** True when nothing is added. */
    public boolean isZero() {
        return left == 0 && top == 0 && right == 0 && bottom == 0;
    }

    /** The canvas width for an image {@code width} wide. */
    public int canvasWidth(int width) {
        return width + left + right;
    }

    /** The canvas height for an image {@code height} high. */
    public int canvasHeight(int height) {
        return height + top + bottom;
    }

    @Override
    public String toString() {
        return "left " + left + ", top " + top + ", right " + right + ", bottom " + bottom;
    }
}
