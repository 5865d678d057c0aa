package dev.brushedit.core.image;

import dev.brushedit.core.InvalidInputException;

/**
 * An axis-aligned pixel rectangle: columns {@code x0 <= x < x1}, rows {@code y0 <= y < y1}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param x0 first column, inclusive
 * @param y0 first row, inclusive
 * @param x1 last column, exclusive
 * @param y1 last row, exclusive
 */
public record Box(int x0, int y0, int x1, int y1) {

    /** Validates that the box is non-empty ({@code x0 < x1}, {@code y0 < y1}). */
    public Box {
        if (x1 <= x0 || y1 <= y0) {
            throw new InvalidInputException("box must have x0 < x1 and y0 < y1, was (" + x0 + ", " + y0 + ", " + x1 + ", " + y1 + ")");
        }
    }

    /** Width in pixels. */
    public int width() {
        return x1 - x0;
    }

    /** Height in pixels. */
    public int height() {
        return y1 - y0;
    }

    /** Area in pixels. */
    public long area() {
        return (long) width() * height();
    }

    /**
     * This box clamped to a {@code width x height} image.
     *
     * @throws InvalidInputException when the box lies entirely outside the image
     */
    public Box clampTo(int width, int height) {
        int cx0 = Math.max(0, x0);
        int cy0 = Math.max(0, y0);
        int cx1 = Math.min(width, x1);
        int cy1 = Math.min(height, y1);
        if (cx1 <= cx0 || cy1 <= cy0) {
            throw new InvalidInputException("box " + this + " lies outside the " + width + "x" + height + " image");
        }
        return new Box(cx0, cy0, cx1, cy1);
    }

    /** This box grown by {@code margin} pixels on every side (not clamped). */
    public Box expand(int margin) {
        return new Box(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
    }
}
