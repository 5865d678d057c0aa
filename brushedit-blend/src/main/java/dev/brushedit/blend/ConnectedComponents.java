package dev.brushedit.blend;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;

/**
 * The connected regions of a binary mask (values {@code >= 0.5} set). Labels run from 1 to
 * {@link #count()} in the raster order of each region's first pixel (top row first, then left to
 * right); 0 is the background.
 *
 * <p>Thread-safety: immutable, safe to share between threads.
 */
public final class ConnectedComponents {
    private final int width;
    private final int height;
    private final int[] labels;
    private final int count;
    private final long[] areas;

    ConnectedComponents(int width, int height, int[] labels, int count, long[] areas) {
        this.width = width;
        this.height = height;
        this.labels = labels;
        this.count = count;
        this.areas = areas;
    }

    /** Number of regions. */
    public int count() {
        return count;
    }

    /** The label at column {@code x}, row {@code y} (0 = background). */
    public int label(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new InvalidInputException("pixel (" + x + ", " + y + ") must lie inside the " + width + "x" + height + " mask");
        }
        return labels[y * width + x];
    }

    /** Pixel count of region {@code label} (1..count). */
    public long area(int label) {
        return areas[check(label)];
    }

    /** Region {@code label} (1..count) as a binary mask. */
    public Mask region(int label) {
        check(label);
        float[] v = new float[labels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i] == label ? 1f : 0f;
        }
        return Mask.of(width, height, v);
    }

    /** The bounding box of region {@code label} (1..count). */
    public Box boundingBox(int label) {
        return region(label).boundingBox();
    }

    /** A copy of the row-major label plane. */
    public int[] labels() {
        return labels.clone();
    }

    private int check(int label) {
        if (label < 1 || label > count) {
            throw new InvalidInputException("label must be between 1 and " + count + ", was " + label);
        }
        return label;
    }
}
