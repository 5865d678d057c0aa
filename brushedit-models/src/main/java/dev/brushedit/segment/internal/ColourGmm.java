package dev.brushedit.segment.internal;

/**
 * A mixture of five full-covariance Gaussians over 3-channel colours, as GrabCut uses for the
 * foreground and the background: learnt from hard component assignments (weight = share of the
 * samples, mean and covariance of each component's samples), with 0.01 added to the diagonal of a
 * covariance whose determinant is at most 1e-6. The density omits the constant {@code (2 pi)^-3/2},
 * as OpenCV's does, so {@code -log} of it is GrabCut's data term.
 *
 * <p>Thread-safety: not thread-safe; owned by one segmentation.
 */
public final class ColourGmm {
    /** Components per mixture. */
    public static final int COMPONENTS = 5;
    private static final double SINGULAR_DETERMINANT = 1e-6;
    private static final double SINGULAR_FIX = 0.01;

    private final double[] weights = new double[COMPONENTS];
    private final double[] means = new double[3 * COMPONENTS];
    private final double[] inverses = new double[9 * COMPONENTS];
    private final double[] scales = new double[COMPONENTS];

    private final double[] sums = new double[3 * COMPONENTS];
    private final double[] products = new double[9 * COMPONENTS];
    private final int[] counts = new int[COMPONENTS];
    private int total;

    /** Forgets the collected samples (not the current parameters). */
    public void startLearning() {
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(products, 0);
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    /** Adds one sample of colour {@code (c0, c1, c2)} to component {@code component}. */
    public void add(int component, double c0, double c1, double c2) {
        int s = 3 * component;
        sums[s] += c0;
        sums[s + 1] += c1;
        sums[s + 2] += c2;
        int p = 9 * component;
        products[p] += c0 * c0;
        products[p + 1] += c0 * c1;
        products[p + 2] += c0 * c2;
        products[p + 3] += c1 * c0;
        products[p + 4] += c1 * c1;
        products[p + 5] += c1 * c2;
        products[p + 6] += c2 * c0;
        products[p + 7] += c2 * c1;
        products[p + 8] += c2 * c2;
        counts[component]++;
        total++;
    }

    /** Sets the parameters from the samples added since {@link #startLearning()}. */
    public void finishLearning() {
        for (int ci = 0; ci < COMPONENTS; ci++) {
            int n = counts[ci];
            if (n == 0) {
                weights[ci] = 0;
                continue;
            }
            double inv = 1.0 / n;
            weights[ci] = (double) n / total;
            int m = 3 * ci;
            for (int j = 0; j < 3; j++) {
                means[m + j] = sums[m + j] * inv;
            }
            double[] c = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int q = 0; q < 3; q++) {
                    c[3 * r + q] = products[9 * ci + 3 * r + q] * inv - means[m + r] * means[m + q];
                }
            }
            invert(ci, c);
        }
    }

    private void invert(int ci, double[] c) {
        double det = determinant(c);
        double fix = SINGULAR_FIX;
        // OpenCV adds 0.01 once; a still-singular covariance (a single repeated colour) gets larger fixes
        // instead of failing
        while (det <= SINGULAR_DETERMINANT) {
            c[0] += fix;
            c[4] += fix;
            c[8] += fix;
            det = determinant(c);
            fix *= 10;
        }
        double inv = 1.0 / det;
        int o = 9 * ci;
        // inverses[o + 3 * i + j] is OpenCV's inverseCovs[ci][i][j]
        inverses[o] = (c[4] * c[8] - c[5] * c[7]) * inv;
        inverses[o + 3] = -(c[3] * c[8] - c[5] * c[6]) * inv;
        inverses[o + 6] = (c[3] * c[7] - c[4] * c[6]) * inv;
        inverses[o + 1] = -(c[1] * c[8] - c[2] * c[7]) * inv;
        inverses[o + 4] = (c[0] * c[8] - c[2] * c[6]) * inv;
        inverses[o + 7] = -(c[0] * c[7] - c[1] * c[6]) * inv;
        inverses[o + 2] = (c[1] * c[5] - c[2] * c[4]) * inv;
        inverses[o + 5] = -(c[0] * c[5] - c[2] * c[3]) * inv;
        inverses[o + 8] = (c[0] * c[4] - c[1] * c[3]) * inv;
        scales[ci] = 1.0 / Math.sqrt(det);
    }

    private static double determinant(double[] c) {
        return c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
    }

    /** The unnormalised density of component {@code ci} at the colour (0 for an unused component). */
    public double component(int ci, double c0, double c1, double c2) {
        if (weights[ci] <= 0) {
            return 0;
        }
        int m = 3 * ci;
        double d0 = c0 - means[m];
        double d1 = c1 - means[m + 1];
        double d2 = c2 - means[m + 2];
        int o = 9 * ci;
        double q = d0 * (d0 * inverses[o] + d1 * inverses[o + 3] + d2 * inverses[o + 6])
                + d1 * (d0 * inverses[o + 1] + d1 * inverses[o + 4] + d2 * inverses[o + 7])
                + d2 * (d0 * inverses[o + 2] + d1 * inverses[o + 5] + d2 * inverses[o + 8]);
        return scales[ci] * Math.exp(-0.5 * q);
    }

    /** The mixture's unnormalised density at the colour. */
    public double density(double c0, double c1, double c2) {
        double sum = 0;
        for (int ci = 0; ci < COMPONENTS; ci++) {
            sum += weights[ci] * component(ci, c0, c1, c2);
        }
        return sum;
    }

    /** The component with the highest density at the colour (0 when all are 0). */
    public int likeliestComponent(double c0, double c1, double c2) {
        int best = 0;
        double max = 0;
        for (int ci = 0; ci < COMPONENTS; ci++) {
            double p = component(ci, c0, c1, c2);
            if (p > max) {
                best = ci;
                max = p;
            }
        }
        return best;
    }
}
