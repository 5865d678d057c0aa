package dev.brushedit.blend;

import dev.brushedit.core.Checks;

/**
 * The shape a morphological operation slides over the mask.
 *
 * <ul>
 *   <li>{@link #square(int)}: a {@code k x k} square. Its anchor is at offset {@code k / 2}, as in
 *       OpenCV, so pixel {@code x} sees columns {@code x - k/2 .. x - k/2 + k - 1} (centred for odd
 *       {@code k}).</li>
 *   <li>{@link #disk(int)}: the offsets {@code (dx, dy)} with {@code dx*dx + dy*dy <= r*r}, centred.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public final class StructuringElement {
    private final boolean disk;
    private final int size;

    private StructuringElement(boolean disk, int size) {
        this.disk = disk;
        this.size = size;
    }

    /** A {@code size x size} square; {@code size} in 1..4097. */
    public static StructuringElement square(int size) {
        return new StructuringElement(false, Checks.inRange("square size", size, 1, 4097));
    }

    /** A disk of radius {@code radius} (0 is a single pixel); {@code radius} in 0..2048. */
    public static StructuringElement disk(int radius) {
        return new StructuringElement(true, Checks.inRange("disk radius", radius, 0, 2048));
    }

    /** True for a disk, false for a square. */
    public boolean isDisk() {
        return disk;
    }

    /** The side of a square, or the radius of a disk. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return disk ? "disk(" + size + ")" : "square(" + size + ")";
    }
}
