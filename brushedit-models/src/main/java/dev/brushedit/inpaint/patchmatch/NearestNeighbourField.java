package dev.brushedit.inpaint.patchmatch;

/**
 * The nearest-neighbour field of one level: for each target centre, the index of its best source
 * centre and the patch distance (sum of squared RGB differences over the target patch pixels that
 * lie inside the image). PatchMatch (Barnes et al. 2009) improves it by propagation from the
 * scan-order neighbours and by random search in shrinking windows. Every method works on a band of
 * rows and writes only the entries of that band, so bands can run in parallel.
 *
 * <p>Thread-safety: distinct bands may be processed concurrently; nothing else is synchronised.
 */
final class NearestNeighbourField {
    private final Level level;
    /** Source centre index per pixel; -1 for pixels that are not targets. */
    final int[] nnf;
    /** Match cost per target: patch distance plus the source-distance penalty. */
    final float[] dist;
    /** Penalty per patch channel value and per pixel of offset between target and source. */
    private final float penaltyPerPixel;

    /**
     * @param sourceDistanceWeight the added cost, per patch channel value, of a source one image
     *     diagonal away from its target (0: no preference for nearby sources)
     */
    NearestNeighbourField(Level level, double sourceDistanceWeight) {
        this.level = level;
        this.penaltyPerPixel = (float) (sourceDistanceWeight / Math.hypot(level.width, level.height));
        this.nnf = new int[level.width * level.height];
        this.dist = new float[nnf.length];
        java.util.Arrays.fill(nnf, -1);
    }

    /** Random sources for the targets in rows {@code [y0, y1)}. */
    void randomInit(int y0, int y1, SplitMix rng) {
        int[] targets = level.targets;
        int[] sources = level.sources;
        for (int k = level.rowStart[y0]; k < level.rowStart[y1]; k++) {
            int t = targets[k];
            int s = sources[rng.nextInt(sources.length)];
            nnf[t] = s;
            dist[t] = cost(t, s, Float.POSITIVE_INFINITY);
        }
    }

    /**
     * Initialises rows {@code [y0, y1)} from the field of the next coarser level: the coarse match
     * of {@code (x/2, y/2)} scaled by two plus the pixel's parity; a random source where that is not
     * a valid source here.
     */
    void upsample(NearestNeighbourField coarse, int y0, int y1, SplitMix rng) {
        Level c = coarse.level;
        int w = level.width;
        int[] targets = level.targets;
        for (int k = level.rowStart[y0]; k < level.rowStart[y1]; k++) {
            int t = targets[k];
            int x = t % w;
            int y = t / w;
            int cx = Math.min(x / 2, c.width - 1);
            int cy = Math.min(y / 2, c.height - 1);
            int cs = coarse.nnf[cy * c.width + cx];
            int s = -1;
            if (cs >= 0) {
                int sx = Math.min(2 * (cs % c.width) + (x & 1), w - 1);
                int sy = Math.min(2 * (cs / c.width) + (y & 1), level.height - 1);
                if (level.source[sy * w + sx]) {
                    s = sy * w + sx;
                }
            }
            if (s < 0) {
                s = level.sources[rng.nextInt(level.sources.length)];
            }
            nnf[t] = s;
            dist[t] = cost(t, s, Float.POSITIVE_INFINITY);
        }
    }

    /** Recomputes the distances of rows {@code [y0, y1)} after the image estimate changed. */
    void refreshDistances(int y0, int y1) {
        int[] targets = level.targets;
        for (int k = level.rowStart[y0]; k < level.rowStart[y1]; k++) {
            int t = targets[k];
            dist[t] = cost(t, nnf[t], Float.POSITIVE_INFINITY);
        }
    }

    /**
     * One PatchMatch sweep over rows {@code [y0, y1)}: scan order forward (propagating from left and
     * top) or backward (from right and bottom), each followed by random search. Neighbours outside
     * the band are not consulted.
     */
    void sweep(int y0, int y1, boolean forward, SplitMix rng) {
        int w = level.width;
        int h = level.height;
        int[] targets = level.targets;
        int from = level.rowStart[y0];
        int to = level.rowStart[y1];
        int step = forward ? 1 : -1;
        int d = forward ? -1 : 1;
        int maxRadius = Math.max(w, h);
        for (int k = forward ? from : to - 1; forward ? k < to : k >= from; k += step) {
            int t = targets[k];
            int x = t % w;
            int y = t / w;
            int nx = x + d;
            if (nx >= 0 && nx < w && nnf[t + d] >= 0) {
                int s = nnf[t + d];
                tryCandidate(t, x, y, s % w - d, s / w);
            }
            int ny = y + d;
            if (ny >= y0 && ny < y1 && nnf[t + d * w] >= 0) {
                int s = nnf[t + d * w];
                tryCandidate(t, x, y, s % w, s / w - d);
            }
            int bx = nnf[t] % w;
            int by = nnf[t] / w;
            for (int r = maxRadius; r >= 1; r >>= 1) {
                int cx = Math.max(0, Math.min(w - 1, bx + rng.nextInt(2 * r + 1) - r));
                int cy = Math.max(0, Math.min(h - 1, by + rng.nextInt(2 * r + 1) - r));
                tryCandidate(t, x, y, cx, cy);
            }
        }
    }

    private void tryCandidate(int t, int tx, int ty, int sx, int sy) {
        if (sx < 0 || sy < 0 || sx >= level.width || sy >= level.height) {
            return;
        }
        int s = sy * level.width + sx;
        if (s == nnf[t] || !level.source[s]) {
            return;
        }
        float bound = dist[t];
        float dd = cost(t, tx, ty, sx, sy, bound);
        if (dd < bound) {
            dist[t] = dd;
            nnf[t] = s;
        }
    }

    /**
     * {@link #cost(int, int, float)} with the target and source coordinates already known (the
     * same arithmetic, without the divisions that recover them).
     */
    private float cost(int t, int tx, int ty, int sx, int sy, float bound) {
        float penalty = penalty(tx, ty, sx, sy);
        if (penalty >= bound) {
            return penalty;
        }
        return penalty + distance(t, tx, ty, sy * level.width + sx, bound - penalty);
    }

    /**
     * Patch distance plus the penalty for the offset between target and source; stops early once
     * it reaches {@code bound}.
     */
    float cost(int t, int s, float bound) {
        float penalty = penalty(t, s);
        if (penalty >= bound) {
            return penalty;
        }
        return penalty + distance(t, s, bound - penalty);
    }

    /** The source-distance penalty of matching target {@code t} to source {@code s}. */
    float penalty(int t, int s) {
        int w = level.width;
        return penalty(t % w, t / w, s % w, s / w);
    }

    /** {@link #penalty(int, int)} for a target at {@code (tx, ty)} and a source at {@code (sx, sy)}. */
    private float penalty(int tx, int ty, int sx, int sy) {
        if (penaltyPerPixel == 0) {
            return 0;
        }
        float dx = tx - sx;
        float dy = ty - sy;
        return penaltyPerPixel * 3 * patchPixels(tx, ty) * (float) Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * Sum of squared differences between the patch at target {@code t} and the patch at source
     * {@code s}, over the target patch pixels inside the image; stops early once it reaches
     * {@code bound}.
     */
    float distance(int t, int s, float bound) {
        return distance(t, t % level.width, t / level.width, s, bound);
    }

    /** {@link #distance(int, int, float)} for target {@code t} at column {@code tx}, row {@code ty}. */
    private float distance(int t, int tx, int ty, int s, float bound) {
        int w = level.width;
        int r = level.radius;
        int x0 = Math.max(-r, -tx);
        int x1 = Math.min(r, w - 1 - tx);
        int y0 = Math.max(-r, -ty);
        int y1 = Math.min(r, level.height - 1 - ty);
        int span = 3 * (x1 - x0 + 1);
        float[] rgb = level.rgb;
        float sum = 0;
        for (int dy = y0; dy <= y1; dy++) {
            int ti = 3 * (t + dy * w + x0);
            int si = 3 * (s + dy * w + x0);
            for (int k = 0; k < span; k++) {
                float diff = rgb[ti + k] - rgb[si + k];
                sum += diff * diff;
            }
            if (sum >= bound) {
                return sum;
            }
        }
        return sum;
    }

    /** Number of target patch pixels inside the image for target {@code t}. */
    int patchPixels(int t) {
        return patchPixels(t % level.width, t / level.width);
    }

    private int patchPixels(int tx, int ty) {
        int w = level.width;
        int r = level.radius;
        int nx = Math.min(r, w - 1 - tx) - Math.max(-r, -tx) + 1;
        int ny = Math.min(r, level.height - 1 - ty) - Math.max(-r, -ty) + 1;
        return nx * ny;
    }
}
