package dev.brushedit.inpaint.patchmatch;

/**
 * Patch voting (Wexler et al. 2007): each hole pixel becomes the weighted mean of the colours that
 * every overlapping target patch's match proposes for it. Weighted voting uses
 * {@code exp(-d / (2 sigma^2))}, with {@code d} the target's mean squared difference per channel
 * and {@code sigma^2} the 75th percentile of {@code d} over all targets; uniform voting gives every
 * patch weight 1. Written as a gather per pixel, so rows can be voted in parallel.
 *
 * <p>Thread-safety: {@link #weigh} must finish before {@link #vote} runs, and {@link #rankTargets}
 * before {@link #voteBest}, {@link #bestProposal} and {@link #bestCost}; distinct bands may then be
 * voted concurrently.
 */
final class PatchVoting {
    private static final double PERCENTILE = 0.75;

    private final Level level;
    private final NearestNeighbourField field;
    private final boolean weighted;
    private final float[] weight;
    /** Per target, its match cost per patch pixel (see {@link #rankTargets}); unused elsewhere. */
    private final float[] costPerPixel;

    PatchVoting(Level level, NearestNeighbourField field, boolean weighted) {
        this.level = level;
        this.field = field;
        this.weighted = weighted;
        this.weight = new float[level.width * level.height];
        this.costPerPixel = new float[weight.length];
    }

    /**
     * Records each target's current match cost per patch pixel, by which {@link #voteBest},
     * {@link #bestProposal} and {@link #bestCost} pick the best target; call it again whenever the
     * distances change.
     */
    void rankTargets() {
        for (int t : level.targets) {
            costPerPixel[t] = field.dist[t] / field.patchPixels(t);
        }
    }

    /** Computes each target's weight from the current distances. */
    void weigh() {
        int[] targets = level.targets;
        if (!weighted) {
            for (int t : targets) {
                weight[t] = 1f;
            }
            return;
        }
        float[] mean = new float[targets.length];
        for (int k = 0; k < targets.length; k++) {
            int t = targets[k];
            mean[k] = field.dist[t] / (3f * field.patchPixels(t));
        }
        float[] sorted = mean.clone();
        java.util.Arrays.sort(sorted);
        double sigma2 = sorted[(int) Math.min(sorted.length - 1, Math.floor(PERCENTILE * sorted.length))];
        for (int k = 0; k < targets.length; k++) {
            weight[targets[k]] = sigma2 > 0 ? (float) Math.exp(-mean[k] / (2 * sigma2)) : 1f;
        }
    }

    /** Re-estimates the hole pixels of rows {@code [y0, y1)}; sources are known pixels only. */
    void vote(int y0, int y1) {
        int w = level.width;
        int h = level.height;
        int r = level.radius;
        float[] rgb = level.rgb;
        int[] nnf = field.nnf;
        int[] targets = level.targets;
        for (int k = level.rowStart[y0]; k < level.rowStart[y1]; k++) {
            int p = targets[k];
            if (!level.hole[p]) {
                continue;
            }
            int px = p % w;
            int py = p / w;
            double sr = 0;
            double sg = 0;
            double sb = 0;
            double sw = 0;
            double ur = 0;
            double ug = 0;
            double ub = 0;
            int un = 0;
            for (int dy = -r; dy <= r; dy++) {
                int qy = py - dy;
                if (qy < 0 || qy >= h) {
                    continue;
                }
                for (int dx = -r; dx <= r; dx++) {
                    int qx = px - dx;
                    if (qx < 0 || qx >= w) {
                        continue;
                    }
                    int s = nnf[qy * w + qx];
                    int si = 3 * (s + dy * w + dx);
                    float wt = weight[qy * w + qx];
                    sr += wt * rgb[si];
                    sg += wt * rgb[si + 1];
                    sb += wt * rgb[si + 2];
                    sw += wt;
                    ur += rgb[si];
                    ug += rgb[si + 1];
                    ub += rgb[si + 2];
                    un++;
                }
            }
            int o = 3 * p;
            if (sw > 1e-12) {
                rgb[o] = (float) (sr / sw);
                rgb[o + 1] = (float) (sg / sw);
                rgb[o + 2] = (float) (sb / sw);
            } else {
                rgb[o] = (float) (ur / un);
                rgb[o + 1] = (float) (ug / un);
                rgb[o + 2] = (float) (ub / un);
            }
        }
    }

    /**
     * Sharp re-estimate of the hole pixels of rows {@code [y0, y1)}: each takes the colour proposed
     * by the single overlapping target patch with the lowest cost per pixel, so copied texture is
     * not averaged away.
     */
    void voteBest(int y0, int y1) {
        int[] targets = level.targets;
        float[] rgb = level.rgb;
        for (int k = level.rowStart[y0]; k < level.rowStart[y1]; k++) {
            int p = targets[k];
            if (level.hole[p]) {
                int s = bestProposal(p);
                System.arraycopy(rgb, 3 * s, rgb, 3 * p, 3);
            }
        }
    }

    /**
     * The source pixel whose colour the best overlapping target patch proposes for pixel {@code p}
     * (a hole pixel or a known pixel within the patch radius of the hole): among the targets whose
     * patch covers {@code p}, the one with the lowest cost per patch pixel (the first in scan order
     * on ties).
     */
    int bestProposal(int p) {
        int q = bestTarget(p);
        if (q < 0) {
            return p;
        }
        int w = level.width;
        return field.nnf[q] + (p / w - q / w) * w + (p % w - q % w);
    }

    /**
     * The patch difference of the best target patch covering pixel {@code p} (see
     * {@link #bestProposal}) from its match, per patch pixel and channel: a mean squared difference
     * on the 8-bit scale, without the source-distance penalty; infinite where no target covers
     * {@code p}.
     */
    float bestCost(int p) {
        int q = bestTarget(p);
        return q < 0 ? Float.POSITIVE_INFINITY
                : field.distance(q, field.nnf[q], Float.POSITIVE_INFINITY) / (3f * field.patchPixels(q));
    }

    /** The target covering {@code p} with the lowest cost per patch pixel, or -1 when none does. */
    private int bestTarget(int p) {
        int w = level.width;
        int h = level.height;
        int r = level.radius;
        int[] nnf = field.nnf;
        int px = p % w;
        int py = p / w;
        int best = -1;
        float bestCost = Float.POSITIVE_INFINITY;
        for (int qy = Math.max(0, py - r); qy <= Math.min(h - 1, py + r); qy++) {
            for (int qx = Math.max(0, px - r); qx <= Math.min(w - 1, px + r); qx++) {
                int q = qy * w + qx;
                if (nnf[q] < 0) {
                    continue;
                }
                float c = costPerPixel[q];
                if (c < bestCost) {
                    bestCost = c;
                    best = q;
                }
            }
        }
        return best;
    }
}
