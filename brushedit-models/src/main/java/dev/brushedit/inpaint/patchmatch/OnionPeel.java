package dev.brushedit.inpaint.patchmatch;

/**
 * Initial hole colours at the coarsest level: boundary diffusion by onion peeling (each ring of
 * hole pixels takes the mean of its already known 8-neighbours), then a few Jacobi smoothing sweeps
 * over the hole.
 *
 * <p>Thread-safety: stateless.
 */
final class OnionPeel {
    private static final int SMOOTHING_SWEEPS = 8;

    private OnionPeel() {}

    /** Fills every hole pixel of {@code level.rgb}; the level must have at least one known pixel. */
    static void fill(Level level) {
        int w = level.width;
        int h = level.height;
        float[] rgb = level.rgb;
        boolean[] known = new boolean[w * h];
        int remaining = 0;
        for (int i = 0; i < known.length; i++) {
            known[i] = !level.hole[i];
            if (level.hole[i]) {
                remaining++;
            }
        }
        int[] ring = new int[remaining];
        float[] ringRgb = new float[3 * remaining];
        while (remaining > 0) {
            int n = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (!known[i] && meanOfNeighbours(rgb, known, w, h, x, y, ringRgb, 3 * n)) {
                        ring[n++] = i;
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                int i = ring[k];
                System.arraycopy(ringRgb, 3 * k, rgb, 3 * i, 3);
                known[i] = true;
            }
            remaining -= n;
        }
        smooth(level);
    }

    private static boolean meanOfNeighbours(float[] rgb, boolean[] known, int w, int h, int x, int y, float[] out, int at) {
        float r = 0;
        float g = 0;
        float b = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                if (xx < 0 || xx >= w || !known[yy * w + xx]) {
                    continue;
                }
                int j = 3 * (yy * w + xx);
                r += rgb[j];
                g += rgb[j + 1];
                b += rgb[j + 2];
                n++;
            }
        }
        if (n == 0) {
            return false;
        }
        out[at] = r / n;
        out[at + 1] = g / n;
        out[at + 2] = b / n;
        return true;
    }

    private static void smooth(Level level) {
        int w = level.width;
        int h = level.height;
        float[] src = level.rgb;
        float[] tmp = src.clone();
        boolean[] all = new boolean[w * h];
        java.util.Arrays.fill(all, true);
        for (int sweep = 0; sweep < SMOOTHING_SWEEPS; sweep++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    if (level.hole[i]) {
                        meanOfNeighbours(src, all, w, h, x, y, tmp, 3 * i);
                    }
                }
            }
            for (int i = 0; i < w * h; i++) {
                if (level.hole[i]) {
                    System.arraycopy(tmp, 3 * i, src, 3 * i, 3);
                }
            }
        }
    }
}
