package dev.brushedit.inpaint.patchmatch;

/**
 * The two-band fill: the membrane fill {@code M} ({@link MembraneFill}) carries the smooth part,
 * and the patch fill {@code P} contributes through its residual {@code R = P - M}, split by a
 * Gaussian blur {@code G} (sigma {@link #SIGMA} pixels) into a low band {@code G(R)} (edges and
 * shading the patches continue into the hole) and a high band {@code R - G(R)} (texture). Each hole
 * pixel becomes {@code M + lowWeight * G(R) + highGain * (R - G(R))}; weights 1 and 1 give the
 * patch fill back unchanged. Where the patches matched almost exactly (a regular pattern repeated
 * in the known part) the patch fill is kept instead: each pixel mixes the two by the confidence
 * {@code exp(-cost / CONFIDENT_COST)} of its best match.
 *
 * <p>Thread-safety: stateless.
 */
final class TwoBand {
    /** Standard deviation of the band split, in pixels. */
    static final double SIGMA = 3.0;
    /** Match cost (mean squared difference per channel, 8-bit scale) at which the confidence is 1/e. */
    static final float CONFIDENT_COST = 4f;

    private TwoBand() {}

    /**
     * Replaces the hole pixels of {@code level.rgb} (holding the patch fill) with the two-band
     * combination of {@code membrane} (the membrane fill of the same level) and the patch fill.
     *
     * @param matchCost per pixel, the cost of the patch fill's best match there (see
     *     {@link PatchVoting#bestCost}), or {@code null} to use the two-band combination everywhere
     */
    static void apply(Level level, float[] membrane, double lowWeight, double highGain, float[] matchCost) {
        int w = level.width;
        int h = level.height;
        boolean[] hole = level.hole;
        float[] rgb = level.rgb;
        float[] residual = new float[rgb.length];
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                for (int c = 0; c < 3; c++) {
                    residual[3 * i + c] = rgb[3 * i + c] - membrane[3 * i + c];
                }
            }
        }
        HoleBounds box = HoleBounds.of(hole, w);
        float[] low = blur(residual, w, h, kernel(SIGMA), box.x0(), box.y0(), box.x1(), box.y1());
        float lw = (float) lowWeight;
        float hg = (float) highGain;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                float keep = matchCost == null ? 0f : (float) Math.exp(-matchCost[i] / CONFIDENT_COST);
                for (int c = 0; c < 3; c++) {
                    int o = 3 * i + c;
                    float mixed = membrane[o] + lw * low[o] + hg * (residual[o] - low[o]);
                    rgb[o] = keep * rgb[o] + (1 - keep) * mixed;
                }
            }
        }
    }

    /** A normalised Gaussian kernel of standard deviation {@code sigma}, radius {@code ceil(3 sigma)}. */
    static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int d = -radius; d <= radius; d++) {
            sum += Math.exp(-d * d / (2 * sigma * sigma));
        }
        for (int d = -radius; d <= radius; d++) {
            k[d + radius] = (float) (Math.exp(-d * d / (2 * sigma * sigma)) / sum);
        }
        return k;
    }

    /** Separable Gaussian blur of interleaved RGB, borders reflected (without repeating the edge). */
    static float[] blur(float[] src, int w, int h, float[] k) {
        return blur(src, w, h, k, 0, 0, w - 1, h - 1);
    }

    /**
     * {@link #blur(float[], int, int, float[])} computed only inside the inclusive rectangle
     * {@code [x0, x1] x [y0, y1]}: the same values there, 0 elsewhere (an empty rectangle gives all 0).
     */
    static float[] blur(float[] src, int w, int h, float[] k, int x0, int y0, int x1, int y1) {
        int r = k.length / 2;
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        if (x1 < x0 || y1 < y0) {
            return out;
        }
        // the rows the vertical pass reads: within r of the rectangle, reflected at the borders
        boolean[] rows = new boolean[h];
        for (int y = y0; y <= y1; y++) {
            for (int d = -r; d <= r; d++) {
                rows[reflect(y + d, h)] = true;
            }
        }
        int[] columnAt = reflected(w, r);
        int[] rowAt = reflected(h, r);
        for (int y = 0; y < h; y++) {
            if (!rows[y]) {
                continue;
            }
            for (int x = x0; x <= x1; x++) {
                for (int c = 0; c < 3; c++) {
                    float s = 0;
                    for (int d = -r; d <= r; d++) {
                        s += k[d + r] * src[3 * (y * w + columnAt[x + d + r]) + c];
                    }
                    tmp[3 * (y * w + x) + c] = s;
                }
            }
        }
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                for (int c = 0; c < 3; c++) {
                    float s = 0;
                    for (int d = -r; d <= r; d++) {
                        s += k[d + r] * tmp[3 * (rowAt[y + d + r] * w + x) + c];
                    }
                    out[3 * (y * w + x) + c] = s;
                }
            }
        }
        return out;
    }

    /** {@code reflect(i - r, n)} at index {@code i}, for {@code i} in {@code [0, n + 2r)}. */
    private static int[] reflected(int n, int r) {
        int[] at = new int[n + 2 * r];
        for (int i = 0; i < at.length; i++) {
            at[i] = reflect(i - r, n);
        }
        return at;
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
