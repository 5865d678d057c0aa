package dev.brushedit.core.image;

/**
 * A pixel position in an image: column {@code x}, row {@code y}, counted from the top-left corner.
 *
 * <p>Thread-safety: immutable.
 *
 * @param x the column
 * @param y the row
 */
public record Point(int x, int y) {}
