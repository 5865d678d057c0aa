package dev.brushedit.inpaint.patchmatch;

import java.util.function.IntUnaryOperator;

/**
 * Gradient-domain seam blending of a filled hole (Perez et al. 2003, with the fill's own gradients
 * as guidance): at each known pixel next to the hole, the offset between its true colour and the
 * colour the fill's patches propose for it is spread over the hole as a harmonic (membrane)
 * function and added to the fill. Colour and brightness steps at the hole border vanish while the
 * copied texture is kept.
 *
 * <p>Thread-safety: stateless.
 */
final class SeamBlend {
    private static final int SWEEPS = 100;
    private static final float OMEGA = 1.9f;

    private SeamBlend() {}

    /**
     * Adds the membrane correction to the hole pixels of {@code level.rgb}.
     *
     * @param proposal for a known pixel next to the hole, the index of the (known) pixel whose
     *     colour the fill's patches propose for it
     */
    static void apply(Level level, IntUnaryOperator proposal) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        float[] rgb = level.rgb;
        float[] offset = new float[3 * w * h];
        boolean[] fixed = new boolean[w * h];
        int[] interior = new int[w * h];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (hole[i]) {
                    interior[n++] = i;
                } else if (touchesHole(hole, w, h, x, y)) {
                    int s = proposal.applyAsInt(i);
                    for (int c = 0; c < 3; c++) {
                        offset[3 * i + c] = rgb[3 * i + c] - rgb[3 * s + c];
                    }
                    fixed[i] = true;
                }
            }
        }
        if (n == 0) {
            return;
        }
        initialise(offset, fixed, hole, interior, n, w, h);
        boolean[] active = new boolean[w * h];
        for (int i = 0; i < active.length; i++) {
            active[i] = hole[i] || fixed[i];
        }
        LaplaceSweep laplace = new LaplaceSweep(interior, n, w, h, active);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            laplace.sweep(offset, OMEGA);
        }
        for (int k = 0; k < n; k++) {
            int i = interior[k];
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] += offset[3 * i + c];
            }
        }
    }

    private static boolean touchesHole(boolean[] hole, int w, int h, int x, int y) {
        return (x > 0 && hole[y * w + x - 1]) || (x < w - 1 && hole[y * w + x + 1])
                || (y > 0 && hole[(y - 1) * w + x]) || (y < h - 1 && hole[(y + 1) * w + x]);
    }

    /** Onion-peel start: each ring of hole pixels takes the mean of its already set 4-neighbours. */
    private static void initialise(float[] offset, boolean[] fixed, boolean[] hole, int[] interior, int n, int w, int h) {
        boolean[] set = fixed.clone();
        int[] ring = new int[n];
        int remaining = n;
        while (remaining > 0) {
            int m = 0;
            for (int k = 0; k < n; k++) {
                int i = interior[k];
                if (!set[i] && hasSetNeighbour(set, i, w, h)) {
                    ring[m++] = i;
                }
            }
            if (m == 0) {
                break;
            }
            for (int k = 0; k < m; k++) {
                meanOfSet(offset, set, ring[k], w, h);
            }
            for (int k = 0; k < m; k++) {
                set[ring[k]] = true;
            }
            remaining -= m;
        }
    }

    private static boolean hasSetNeighbour(boolean[] set, int i, int w, int h) {
        int x = i % w;
        int y = i / w;
        return (x > 0 && set[i - 1]) || (x < w - 1 && set[i + 1]) || (y > 0 && set[i - w]) || (y < h - 1 && set[i + w]);
    }

    private static void meanOfSet(float[] offset, boolean[] set, int i, int w, int h) {
        neighbourMean(offset, set, i, w, h, offset, 3 * i);
    }

    /**
     * Writes to {@code out[at..at+2]} the mean offset of the 4-neighbours of {@code i} flagged in
     * {@code include}; false (and nothing written) when there are none.
     */
    private static boolean neighbourMean(float[] offset, boolean[] include, int i, int w, int h, float[] out, int at) {
        int x = i % w;
        int y = i / w;
        float r = 0;
        float g = 0;
        float b = 0;
        int count = 0;
        int[] nb = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
        for (int j : nb) {
            if (j >= 0 && include[j]) {
                r += offset[3 * j];
                g += offset[3 * j + 1];
                b += offset[3 * j + 2];
                count++;
            }
        }
        if (count == 0) {
            return false;
        }
        out[at] = r / count;
        out[at + 1] = g / count;
        out[at + 2] = b / count;
        return true;
    }
}
