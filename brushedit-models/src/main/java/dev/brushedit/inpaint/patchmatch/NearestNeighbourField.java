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
        int searches = 0;
        for (int r = maxRadius; r >= 1; r >>= 1) {
            searches++;
        }
        // candidate columns and rows: the two propagated ones, then those of the random search
        int[] cx = new int[2 + searches];
        int[] cy = new int[2 + searches];
        float[] partial = new float[2 * level.radius + 2];
        for (int k = forward ? from : to - 1; forward ? k < to : k >= from; k += step) {
            int t = targets[k];
            int x = t % w;
            int y = t / w;
            int nx = x + d;
            cx[0] = -1;
            cx[1] = -1;
            if (nx >= 0 && nx < w && nnf[t + d] >= 0) {
                int s = nnf[t + d];
                cx[0] = s % w - d;
                cy[0] = s / w;
            }
            int ny = y + d;
            if (ny >= y0 && ny < y1 && nnf[t + d * w] >= 0) {
                int s = nnf[t + d * w];
                cx[1] = s % w;
                cy[1] = s / w - d;
            }
            tryAll(t, x, y, cx, cy, 0, 2, partial);
            int bx = nnf[t] % w;
            int by = nnf[t] / w;
            int j = 2;
            for (int r = maxRadius; r >= 1; r >>= 1) {
                cx[j] = Math.max(0, Math.min(w - 1, bx + rng.nextInt(2 * r + 1) - r));
                cy[j] = Math.max(0, Math.min(h - 1, by + rng.nextInt(2 * r + 1) - r));
                j++;
            }
            tryAll(t, x, y, cx, cy, 2, cx.length, partial);
        }
    }

    /**
     * Tries candidates {@code from} to {@code to - 1} (columns {@code cx}, rows {@code cy}) for
     * target {@code t} at {@code (tx, ty)}: exactly what {@link #tryCandidate} on each in turn does,
     * but two candidates that need a patch distance are measured in one interleaved pass (two
     * independent sums run in parallel on the CPU). Candidates between them that cannot be accepted
     * whatever happens before (outside the image, not a source, or a source-distance penalty already
     * at the bound, which only falls) are passed over. The second of a pair is measured against the
     * bound before the first's outcome; its partial sum after each row is kept, so that its early
     * stop under the bound after the first is found among them.
     *
     * @param partial scratch of the patch side plus one entries
     */
    private void tryAll(int t, int tx, int ty, int[] cx, int[] cy, int from, int to, float[] partial) {
        int i = from;
        while (i < to) {
            int a = sourceAt(cx[i], cy[i]);
            float penaltyA = a < 0 || a == nnf[t] ? 0 : penalty(tx, ty, cx[i], cy[i]);
            if (a < 0 || a == nnf[t] || penaltyA >= dist[t]) {
                i++; // tryCandidate would change nothing
                continue;
            }
            int j = i + 1;
            int b = -1;
            float penaltyB = 0;
            for (; j < to; j++) {
                b = sourceAt(cx[j], cy[j]);
                if (b >= 0) {
                    penaltyB = penalty(tx, ty, cx[j], cy[j]);
                    if (penaltyB < dist[t]) {
                        break;
                    }
                }
            }
            if (j == to || b == a || b == nnf[t]) {
                tryCandidate(t, tx, ty, cx[i], cy[i]);
                i = j;
                continue;
            }
            float bound = dist[t];
            int rowsB = distances(t, tx, ty, a, bound - penaltyA, b, bound - penaltyB, partial);
            float costA = penaltyA + partial[partial.length - 1];
            if (costA < bound) {
                dist[t] = costA;
                nnf[t] = a;
            }
            // b as tryCandidate would see it now: it differs from nnf[t], which is a or unchanged
            float boundB = dist[t];
            if (penaltyB < boundB) {
                float limit = boundB - penaltyB;
                float sumB = partial[rowsB - 1];
                for (int k = 0; k < rowsB; k++) {
                    if (partial[k] >= limit) {
                        sumB = partial[k];
                        break;
                    }
                }
                float costB = penaltyB + sumB;
                if (costB < boundB) {
                    dist[t] = costB;
                    nnf[t] = b;
                }
            }
            i = j + 1;
        }
    }

    /** The index of the pixel at {@code (sx, sy)} when it is a source, else -1. */
    private int sourceAt(int sx, int sy) {
        if (sx < 0 || sy < 0 || sx >= level.width || sy >= level.height) {
            return -1;
        }
        int s = sy * level.width + sx;
        return level.source[s] ? s : -1;
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
        if (penaltyPerPixel == 0) {
            return 0;
        }
        int w = level.width;
        float dx = t % w - s % w;
        float dy = t / w - s / w;
        return penaltyPerPixel * 3 * patchPixels(t) * (float) Math.sqrt(dx * dx + dy * dy);
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

    /**
     * {@link #distance} of target {@code t} (at {@code (tx, ty)}) from sources {@code a} and
     * {@code b} at once, with the same sums in the same order. Writes B's partial sum after each row
     * to {@code partial} until the first that reaches {@code boundB}, and A's result, as
     * {@code distance(t, a, boundA)} returns it, to the last entry of {@code partial}.
     *
     * @return the number of B's partial sums written
     */
    private int distances(int t, int tx, int ty, int a, float boundA, int b, float boundB, float[] partial) {
        int w = level.width;
        int r = level.radius;
        int x0 = Math.max(-r, -tx);
        int x1 = Math.min(r, w - 1 - tx);
        int y0 = Math.max(-r, -ty);
        int y1 = Math.min(r, level.height - 1 - ty);
        int span = 3 * (x1 - x0 + 1);
        float[] rgb = level.rgb;
        float sumA = 0;
        float sumB = 0;
        boolean onA = true;
        boolean onB = true;
        int rows = 0;
        for (int dy = y0; dy <= y1; dy++) {
            int ti = 3 * (t + dy * w + x0);
            int ai = 3 * (a + dy * w + x0);
            int bi = 3 * (b + dy * w + x0);
            if (onA && onB) {
                for (int k = 0; k < span; k++) {
                    float target = rgb[ti + k];
                    float diffA = target - rgb[ai + k];
                    float diffB = target - rgb[bi + k];
                    sumA += diffA * diffA;
                    sumB += diffB * diffB;
                }
            } else if (onA) {
                for (int k = 0; k < span; k++) {
                    float diff = rgb[ti + k] - rgb[ai + k];
                    sumA += diff * diff;
                }
            } else {
                for (int k = 0; k < span; k++) {
                    float diff = rgb[ti + k] - rgb[bi + k];
                    sumB += diff * diff;
                }
            }
            if (onA && sumA >= boundA) {
                onA = false;
            }
            if (onB) {
                partial[rows++] = sumB;
                if (sumB >= boundB) {
                    onB = false;
                }
            }
            if (!onA && !onB) {
                break;
            }
        }
        partial[partial.length - 1] = sumA;
        return rows;
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
