package dev.brushedit.segment.internal;

/**
 * k-means of 3-channel colour samples with k-means++ seeding, following the numerics of OpenCV's
 * {@code cv::kmeans} with {@code KMEANS_PP_CENTERS}, one attempt and an iteration cap: single-precision
 * distances and centre sums, three candidate draws per new centre (the one giving the smallest total
 * distance wins), an emptied cluster refilled with the farthest member of the largest one, and labels
 * from the last assignment before the cap or before the centres stop moving.
 *
 * <p>Thread-safety: stateless; the generator passed in is advanced.
 */
public final class ColourKMeans {
    private static final int CANDIDATES_PER_CENTRE = 3;
    /** OpenCV squares FLT_EPSILON as the shift below which the centres count as settled. */
    private static final double SETTLED_SHIFT = (double) Math.ulp(1f) * Math.ulp(1f);

    private ColourKMeans() {}

    /**
     * Labels in {@code [0, k)} of the {@code samples.length / 3} samples.
     *
     * @param samples interleaved 3-channel samples
     * @param clusters wanted clusters; fewer are used when there are fewer samples
     * @param maxIterations the iteration cap (OpenCV's {@code TermCriteria::MAX_ITER} count, at least 2)
     * @param random the generator for the seeding draws
     */
    public static int[] labels(float[] samples, int clusters, int maxIterations, MwcRandom random) {
        int n = samples.length / 3;
        if (n == 0) {
            return new int[0];
        }
        int k = Math.min(clusters, n);
        int cap = k == 1 ? 2 : Math.max(2, maxIterations);
        float[] centres = seedCentres(samples, n, k, random);
        float[] previous = new float[3 * k];
        int[] labels = new int[n];
        assign(samples, n, centres, k, labels);
        for (int iter = 1; ; ) {
            System.arraycopy(centres, 0, previous, 0, centres.length);
            recomputeCentres(samples, n, k, labels, centres);
            double shift = 0;
            for (int c = 0; c < 3 * k; c += 3) {
                double d = 0;
                for (int j = 0; j < 3; j++) {
                    double t = centres[c + j] - previous[c + j];
                    d += t * t;
                }
                shift = Math.max(shift, d);
            }
            if (++iter == cap || shift <= SETTLED_SHIFT) {
                return labels;
            }
            assign(samples, n, centres, k, labels);
        }
    }

    private static float[] seedCentres(float[] s, int n, int k, MwcRandom random) {
        int[] chosen = new int[k];
        chosen[0] = (int) (random.nextUnsigned() % n);
        float[] dist = new float[n];
        float[] best = new float[n];
        float[] trial = new float[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            dist[i] = distance(s, 3 * i, s, 3 * chosen[0]);
            total += dist[i];
        }
        for (int c = 1; c < k; c++) {
            double bestSum = Double.MAX_VALUE;
            int bestIndex = -1;
            for (int t = 0; t < CANDIDATES_PER_CENTRE; t++) {
                double p = random.nextDouble() * total;
                int candidate = 0;
                while (candidate < n - 1) {
                    p -= dist[candidate];
                    if (p <= 0) {
                        break;
                    }
                    candidate++;
                }
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.min(distance(s, 3 * i, s, 3 * candidate), dist[i]);
                }
                double sum = sumInEights(trial, n);
                if (sum < bestSum) {
                    bestSum = sum;
                    bestIndex = candidate;
                    float[] swap = best;
                    best = trial;
                    trial = swap;
                }
            }
            chosen[c] = bestIndex;
            total = bestSum;
            float[] swap = dist;
            dist = best;
            best = swap;
        }
        float[] centres = new float[3 * k];
        for (int c = 0; c < k; c++) {
            System.arraycopy(s, 3 * chosen[c], centres, 3 * c, 3);
        }
        return centres;
    }

    /** A double sum of single-precision partial sums of eight, then the rest one by one (OpenCV's unrolled loop). */
    private static double sumInEights(float[] v, int n) {
        double sum = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            float group = v[i] + v[i + 1] + v[i + 2] + v[i + 3] + v[i + 4] + v[i + 5] + v[i + 6] + v[i + 7];
            sum += group;
        }
        for (; i < n; i++) {
            sum += v[i];
        }
        return sum;
    }

    private static void assign(float[] s, int n, float[] centres, int k, int[] labels) {
        for (int i = 0; i < n; i++) {
            int bestK = 0;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                double d = distance(s, 3 * i, centres, 3 * c);
                if (bestD > d) {
                    bestD = d;
                    bestK = c;
                }
            }
            labels[i] = bestK;
        }
    }

    private static void recomputeCentres(float[] s, int n, int k, int[] labels, float[] centres) {
        java.util.Arrays.fill(centres, 0f);
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = 3 * labels[i];
            centres[c] += s[3 * i];
            centres[c + 1] += s[3 * i + 1];
            centres[c + 2] += s[3 * i + 2];
            counts[labels[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                refillEmpty(s, n, k, labels, centres, counts, c);
            }
        }
        for (int c = 0; c < k; c++) {
            float scale = 1f / counts[c];
            for (int j = 0; j < 3; j++) {
                centres[3 * c + j] *= scale;
            }
        }
    }

    /** Moves the member of the largest cluster farthest from its mean into the empty cluster {@code empty}. */
    private static void refillEmpty(float[] s, int n, int k, int[] labels, float[] centres, int[] counts, int empty) {
        int largest = 0;
        for (int c = 1; c < k; c++) {
            if (counts[largest] < counts[c]) {
                largest = c;
            }
        }
        float scale = 1f / counts[largest];
        float[] mean = {centres[3 * largest] * scale, centres[3 * largest + 1] * scale, centres[3 * largest + 2] * scale};
        double farthestD = 0;
        int farthest = -1;
        for (int i = 0; i < n; i++) {
            if (labels[i] != largest) {
                continue;
            }
            double d = distance(s, 3 * i, mean, 0);
            if (farthestD <= d) {
                farthestD = d;
                farthest = i;
            }
        }
        counts[largest]--;
        counts[empty]++;
        labels[farthest] = empty;
        for (int j = 0; j < 3; j++) {
            centres[3 * largest + j] -= s[3 * farthest + j];
            centres[3 * empty + j] += s[3 * farthest + j];
        }
    }

    private static float distance(float[] a, int ai, float[] b, int bi) {
        float d = 0f;
        for (int j = 0; j < 3; j++) {
            float t = a[ai + j] - b[bi + j];
            d += t * t;
        }
        return d;
    }
}
