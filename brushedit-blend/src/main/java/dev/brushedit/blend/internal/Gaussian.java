package dev.brushedit.blend.internal;

/**
 * OpenCV's {@code GaussianBlur} on a {@code double} plane: the kernel of {@code getGaussianKernel}
 * (fixed tables for odd sizes up to 7 when sigma is not given, else
 * {@code exp(-x^2 / (2 sigma^2))} normalised, with {@code sigma = 0.3 * ((k - 1) * 0.5 - 1) + 0.8}
 * when sigma is not positive), applied separably (rows, then columns) with
 * {@code BORDER_REFLECT_101}. Row sums run over the kernel in order; column sums add the centre tap
 * and then symmetric pairs, as OpenCV's symmetric column filter does.
 *
 * <p>Thread-safety: stateless.
 */
public final class Gaussian {
    private static final double[][] SMALL = {
        {1.0},
        {0.25, 0.5, 0.25},
        {0.0625, 0.25, 0.375, 0.25, 0.0625},
        {0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125},
    };

    private Gaussian() {}

    /** The sigma OpenCV uses for kernel size {@code k} when none is given. */
    public static double defaultSigma(int k) {
        return 0.3 * ((k - 1) * 0.5 - 1) + 0.8;
    }

    /** OpenCV's 1-D Gaussian kernel of odd size {@code k}; {@code sigma <= 0} selects the default. */
    public static double[] kernel(int k, double sigma) {
        double[] fixed = (k % 2 == 1 && k <= 7 && sigma <= 0) ? SMALL[k >> 1] : null;
        double s = sigma > 0 ? sigma : defaultSigma(k);
        double scale2 = -0.5 / (s * s);
        double[] c = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double x = i - (k - 1) * 0.5;
            c[i] = fixed != null ? fixed[i] : Math.exp(scale2 * x * x);
            sum += c[i];
        }
        sum = 1.0 / sum;
        for (int i = 0; i < k; i++) {
            c[i] *= sum;
        }
        return c;
    }

    /** OpenCV's {@code borderInterpolate} for {@code BORDER_REFLECT_101}. */
    public static int reflect101(int p, int len) {
        if (p >= 0 && p < len) {
            return p;
        }
        if (len == 1) {
            return 0;
        }
        do {
            p = p < 0 ? -p : 2 * (len - 1) - p;
        } while (p < 0 || p >= len);
        return p;
    }

    /** Blurs {@code src} ({@code w x h}, row-major) with the separable kernel {@code k}. */
    public static double[] blur(double[] src, int w, int h, double[] k) {
        int r = k.length / 2;
        double[] tmp = new double[src.length];
        double[] row = new double[w + 2 * r];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int i = 0; i < row.length; i++) {
                row[i] = src[base + reflect101(i - r, w)];
            }
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int t = 0; t < k.length; t++) {
                    s += k[t] * row[x + t];
                }
                tmp[base + x] = s;
            }
        }
        double[] out = new double[src.length];
        int[] rows = new int[h + 2 * r];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = reflect101(i - r, h) * w;
        }
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int c = rows[y + r];
            for (int x = 0; x < w; x++) {
                double s = k[r] * tmp[c + x];
                for (int t = 1; t <= r; t++) {
                    s += k[r + t] * (tmp[rows[y + r + t] + x] + tmp[rows[y + r - t] + x]);
                }
                out[base + x] = s;
            }
        }
        return out;
    }
}
