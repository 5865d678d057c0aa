package dev.brushedit.inpaint.patchmatch;

/**
 * Successive over-relaxation of Laplace's equation on interleaved RGB values: each of a fixed list
 * of pixels, in order, moves towards the mean of its 4-neighbours (left, right, up, down, those
 * inside the image and included). The neighbour lists are built once, so repeated sweeps do no
 * index arithmetic.
 *
 * <p>Thread-safety: immutable after construction; {@link #sweep} changes only the values it is given.
 */
final class LaplaceSweep {
    private final int[] pixels;
    private final int[] neighbours;
    private final int[] counts;

    /**
     * @param pixels the pixels to relax, in sweep order (the first {@code n} entries are used)
     * @param n number of pixels
     * @param include which neighbours take part, or {@code null} for all inside the image
     */
    LaplaceSweep(int[] pixels, int n, int w, int h, boolean[] include) {
        this.pixels = java.util.Arrays.copyOf(pixels, n);
        this.neighbours = new int[4 * n];
        this.counts = new int[n];
        for (int k = 0; k < n; k++) {
            int i = pixels[k];
            int x = i % w;
            int y = i / w;
            int[] candidates = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
            int c = 0;
            for (int j : candidates) {
                if (j >= 0 && (include == null || include[j])) {
                    neighbours[4 * k + c++] = j;
                }
            }
            counts[k] = c;
        }
    }

    /** One in-place sweep; returns the largest change of a channel value (0 for a pixel without neighbours). */
    float sweep(float[] values, float omega) {
        float largest = 0;
        for (int k = 0; k < pixels.length; k++) {
            int count = counts[k];
            if (count == 0) {
                continue;
            }
            float r = 0;
            float g = 0;
            float b = 0;
            for (int j = 4 * k; j < 4 * k + count; j++) {
                int q = 3 * neighbours[j];
                r += values[q];
                g += values[q + 1];
                b += values[q + 2];
            }
            // x / 4 and x * 0.25 are the same correctly rounded value; the multiplication is faster
            float mr = count == 4 ? r * 0.25f : r / count;
            float mg = count == 4 ? g * 0.25f : g / count;
            float mb = count == 4 ? b * 0.25f : b / count;
            int o = 3 * pixels[k];
            float dr = omega * (mr - values[o]);
            float dg = omega * (mg - values[o + 1]);
            float db = omega * (mb - values[o + 2]);
            values[o] += dr;
            values[o + 1] += dg;
            values[o + 2] += db;
            largest = Math.max(largest, Math.max(Math.abs(dr), Math.max(Math.abs(dg), Math.abs(db))));
        }
        return largest;
    }
}
