package dev.brushedit.core;

/**
 * Anything laid out on a pixel grid of a known width and height: images and masks. It lets the size
 * checks in {@link InputLimits} live in this base package without depending on the image types.
 *
 * <p>Thread-safety: implementations are immutable in their size.
 */
public interface PixelGrid {

    /** The width in pixels, at least 1. */
    int width();

    /** The height in pixels, at least 1. */
    int height();
}
