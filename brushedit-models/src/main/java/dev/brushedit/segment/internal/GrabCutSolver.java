package dev.brushedit.segment.internal;

/**
 * GrabCut (Rother, Kolmogorov and Blake 2004) initialised with a box, with the numerics of OpenCV's
 * {@code cv::grabCut} in {@code GC_INIT_WITH_RECT} mode: pixels outside the box are sure background,
 * inside probable foreground; each mixture starts from a k-means++ clustering (10 iterations); each
 * iteration assigns every pixel its likeliest component of its side's mixture, relearns both mixtures,
 * and cuts a graph whose terminal weights are the mixtures' negative log densities and whose 8-connected
 * edges weigh {@code gamma * exp(-beta * |dc|^2)} (divided by sqrt 2 on diagonals, beta from the mean
 * squared neighbour difference of the whole image). Sure-background pixels carry a {@code 9 * gamma}
 * sink weight, more than all their edges together, so they always stay background: the graph is built
 * over the box only, with each box pixel's edges to outside neighbours added to its sink weight (the same
 * minimum cut, far fewer nodes).
 *
 * <p>Colours are processed in B, G, R order, as OpenCV reads images, so that ties break the same way.
 *
 * <p>Thread-safety: stateless; each call owns its working state.
 */
public final class GrabCutSolver {
    private static final int KMEANS_ITERATIONS = 10;
    /** OpenCV divides by the single-precision square root of 2. */
    private static final double DIAGONAL = (float) Math.sqrt(2.0);

    private GrabCutSolver() {}

    /**
     * The foreground of the box {@code [x0, x1) x [y0, y1)} of a {@code width x height} RGB image.
     *
     * @param rgb interleaved R, G, B bytes, row-major
     * @param iterations graph-cut iterations (at least 1)
     * @param gamma smoothness weight
     * @param seed seed of the k-means++ draws ({@link MwcRandom})
     * @return {@code width * height} flags, true = foreground (only inside the box)
     */
    public static boolean[] segment(byte[] rgb, int width, int height, int x0, int y0, int x1, int y1,
                                    int iterations, double gamma, long seed) {
        int n = width * height;
        int bw = x1 - x0;
        int bh = y1 - y0;
        boolean[] foreground = new boolean[bw * bh];
        java.util.Arrays.fill(foreground, true);
        BoxFrame frame = new BoxFrame(width, x0, y0, bw, bh);

        ColourGmm background = new ColourGmm();
        ColourGmm object = new ColourGmm();
        initialise(rgb, width, height, frame, background, object, new MwcRandom(seed));
        NeighbourWeights weights = NeighbourWeights.compute(rgb, width, height, frame, gamma);
        int[] components = new int[n];
        for (int it = 0; it < iterations; it++) {
            assignComponents(rgb, n, width, frame, foreground, background, object, components);
            learn(rgb, n, width, frame, foreground, components, background, object);
            cut(rgb, frame, foreground, background, object, weights);
        }
        boolean[] out = new boolean[n];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                out[(y0 + by) * width + x0 + bx] = foreground[by * bw + bx];
            }
        }
        return out;
    }

    private static void initialise(byte[] rgb, int width, int height, BoxFrame f, ColourGmm background,
                                   ColourGmm object, MwcRandom random) {
        int n = width * height;
        int inside = f.bw * f.bh;
        float[] bgSamples = new float[3 * (n - inside)];
        float[] fgSamples = new float[3 * inside];
        int b = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            boolean in = f.contains(i % width, i / width);
            float[] dst = in ? fgSamples : bgSamples;
            int at = in ? o : b;
            dst[at] = (float) c(rgb, i, 0);
            dst[at + 1] = (float) c(rgb, i, 1);
            dst[at + 2] = (float) c(rgb, i, 2);
            if (in) {
                o += 3;
            } else {
                b += 3;
            }
        }
        learnFromLabels(background, bgSamples, ColourKMeans.labels(bgSamples, ColourGmm.COMPONENTS, KMEANS_ITERATIONS, random));
        learnFromLabels(object, fgSamples, ColourKMeans.labels(fgSamples, ColourGmm.COMPONENTS, KMEANS_ITERATIONS, random));
    }

    private static void learnFromLabels(ColourGmm gmm, float[] samples, int[] labels) {
        gmm.startLearning();
        for (int i = 0; i < labels.length; i++) {
            gmm.add(labels[i], samples[3 * i], samples[3 * i + 1], samples[3 * i + 2]);
        }
        gmm.finishLearning();
    }

    private static boolean isForeground(int i, int width, BoxFrame f, boolean[] foreground) {
        int x = i % width;
        int y = i / width;
        return f.contains(x, y) && foreground[(y - f.y0) * f.bw + x - f.x0];
    }

    private static void assignComponents(byte[] rgb, int n, int width, BoxFrame f, boolean[] foreground,
                                         ColourGmm background, ColourGmm object, int[] components) {
        for (int i = 0; i < n; i++) {
            ColourGmm g = isForeground(i, width, f, foreground) ? object : background;
            components[i] = g.likeliestComponent(c(rgb, i, 0), c(rgb, i, 1), c(rgb, i, 2));
        }
    }

    private static void learn(byte[] rgb, int n, int width, BoxFrame f, boolean[] foreground, int[] components,
                              ColourGmm background, ColourGmm object) {
        background.startLearning();
        object.startLearning();
        for (int i = 0; i < n; i++) {
            ColourGmm g = isForeground(i, width, f, foreground) ? object : background;
            g.add(components[i], c(rgb, i, 0), c(rgb, i, 1), c(rgb, i, 2));
        }
        background.finishLearning();
        object.finishLearning();
    }

    private static void cut(byte[] rgb, BoxFrame f, boolean[] foreground, ColourGmm background,
                            ColourGmm object, NeighbourWeights w) {
        int bw = f.bw;
        int bh = f.bh;
        BkMaxFlow graph = new BkMaxFlow(bw * bh, 4 * bw * bh);
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int v = by * bw + bx;
                int p = (f.y0 + by) * f.width + f.x0 + bx;
                double fromSource = -Math.log(background.density(c(rgb, p, 0), c(rgb, p, 1), c(rgb, p, 2)));
                double toSink = -Math.log(object.density(c(rgb, p, 0), c(rgb, p, 1), c(rgb, p, 2)));
                graph.addTerminalWeights(v, finite(fromSource), finite(toSink) + w.outside[v]);
                if (bx > 0) {
                    graph.addEdges(v, v - 1, w.left[v], w.left[v]);
                }
                if (bx > 0 && by > 0) {
                    graph.addEdges(v, v - bw - 1, w.upLeft[v], w.upLeft[v]);
                }
                if (by > 0) {
                    graph.addEdges(v, v - bw, w.up[v], w.up[v]);
                }
                if (bx < bw - 1 && by > 0) {
                    graph.addEdges(v, v - bw + 1, w.upRight[v], w.upRight[v]);
                }
            }
        }
        graph.maxFlow();
        for (int v = 0; v < bw * bh; v++) {
            foreground[v] = graph.inSourceSegment(v);
        }
    }

    /** Channel {@code k} of pixel {@code i} in B, G, R order, from interleaved R, G, B bytes. */
    private static int c(byte[] rgb, int i, int k) {
        return rgb[3 * i + 2 - k] & 0xff;
    }

    /** A density that underflowed to 0 gives an infinite -log; a large finite weight keeps the flow arithmetic sound. */
    private static double finite(double weight) {
        return Math.min(weight, 1e12);
    }

    /** The box inside the image. */
    static final class BoxFrame {
        final int width;
        final int x0;
        final int y0;
        final int bw;
        final int bh;

        BoxFrame(int width, int x0, int y0, int bw, int bh) {
            this.width = width;
            this.x0 = x0;
            this.y0 = y0;
            this.bw = bw;
            this.bh = bh;
        }

        boolean contains(int x, int y) {
            return x >= x0 && y >= y0 && x < x0 + bw && y < y0 + bh;
        }
    }

    /** Edge weights of the box's pixels towards their left, up-left, up and up-right neighbours, and the sum towards outside neighbours. */
    static final class NeighbourWeights {
        final double[] left;
        final double[] upLeft;
        final double[] up;
        final double[] upRight;
        final double[] outside;

        private NeighbourWeights(int size) {
            left = new double[size];
            upLeft = new double[size];
            up = new double[size];
            upRight = new double[size];
            outside = new double[size];
        }

        static NeighbourWeights compute(byte[] rgb, int width, int height, BoxFrame f, double gamma) {
            double beta = beta(rgb, width, height);
            double diagonal = gamma / DIAGONAL;
            NeighbourWeights w = new NeighbourWeights(f.bw * f.bh);
            int[][] offsets = {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}};
            for (int by = 0; by < f.bh; by++) {
                for (int bx = 0; bx < f.bw; bx++) {
                    int v = by * f.bw + bx;
                    int x = f.x0 + bx;
                    int y = f.y0 + by;
                    for (int k = 0; k < offsets.length; k++) {
                        int nx = x + offsets[k][0];
                        int ny = y + offsets[k][1];
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        double g = k % 2 == 1 ? diagonal : gamma;
                        double weight = g * Math.exp(-beta * squaredDifference(rgb, y * width + x, ny * width + nx));
                        if (!f.contains(nx, ny)) {
                            w.outside[v] += weight;
                        } else if (k == 0) {
                            w.left[v] = weight;
                        } else if (k == 1) {
                            w.upLeft[v] = weight;
                        } else if (k == 2) {
                            w.up[v] = weight;
                        } else if (k == 3) {
                            w.upRight[v] = weight;
                        }
                    }
                }
            }
            return w;
        }

        /** {@code 1 / (2 * mean squared colour difference)} over all 8-connected neighbour pairs (0 for a flat image). */
        private static double beta(byte[] rgb, int width, int height) {
            double sum = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    if (x > 0) {
                        sum += squaredDifference(rgb, i, i - 1);
                    }
                    if (y > 0 && x > 0) {
                        sum += squaredDifference(rgb, i, i - width - 1);
                    }
                    if (y > 0) {
                        sum += squaredDifference(rgb, i, i - width);
                    }
                    if (y > 0 && x < width - 1) {
                        sum += squaredDifference(rgb, i, i - width + 1);
                    }
                }
            }
            if (sum <= Math.ulp(1.0)) {
                return 0;
            }
            long pairs = 4L * width * height - 3L * width - 3L * height + 2;
            return 1.0 / (2 * sum / pairs);
        }

        private static double squaredDifference(byte[] rgb, int a, int b) {
            double d0 = c(rgb, a, 0) - c(rgb, b, 0);
            double d1 = c(rgb, a, 1) - c(rgb, b, 1);
            double d2 = c(rgb, a, 2) - c(rgb, b, 2);
            return d0 * d0 + d1 * d1 + d2 * d2;
        }
    }
}
