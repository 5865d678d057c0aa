package dev.brushedit.blend.internal;

/**
 * Resizes an 8-bit single-channel plane as Pillow's {@code Image.resize(size)} does for RGB images
 * (default filter BICUBIC, {@code a = -0.5}, support 2 widened by the down-scaling factor): weights
 * in 22-bit fixed point, the horizontal pass first, each pass rounded and clipped to 8 bits
 * (Pillow's Resample.c).
 *
 * <p>Thread-safety: stateless.
 */
public final class PilBicubic {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilBicubic() {}

    /** {@code src} ({@code width x height}, values 0..255) resized to {@code outWidth x outHeight}. */
    public static int[] resize(int[] src, int width, int height, int outWidth, int outHeight) {
        int[] mid = src;
        if (outWidth != width) {
            Coefficients cx = Coefficients.of(width, outWidth);
            mid = new int[outWidth * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < outWidth; x++) {
                    long ss = 1L << (PRECISION_BITS - 1);
                    int base = cx.bounds[2 * x];
                    for (int i = 0; i < cx.bounds[2 * x + 1]; i++) {
                        ss += (long) src[y * width + base + i] * cx.weights[x * cx.size + i];
                    }
                    mid[y * outWidth + x] = clip8(ss);
                }
            }
        }
        if (outHeight == height) {
            return mid;
        }
        Coefficients cy = Coefficients.of(height, outHeight);
        int[] out = new int[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int base = cy.bounds[2 * y];
            for (int x = 0; x < outWidth; x++) {
                long ss = 1L << (PRECISION_BITS - 1);
                for (int i = 0; i < cy.bounds[2 * y + 1]; i++) {
                    ss += (long) mid[(base + i) * outWidth + x] * cy.weights[y * cy.size + i];
                }
                out[y * outWidth + x] = clip8(ss);
            }
        }
        return out;
    }

    private static int clip8(long v) {
        if (v >= (1L << PRECISION_BITS) << 8) {
            return 255;
        }
        if (v <= 0) {
            return 0;
        }
        return (int) (v >> PRECISION_BITS);
    }

    static double bicubic(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t < 1.0) {
            return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
        }
        if (t < 2.0) {
            return (((t - 5) * t + 8) * t - 4) * a;
        }
        return 0.0;
    }

    /** Fixed-point weights and {first, count} source bounds per output index. */
    private static final class Coefficients {
        final int size;
        final int[] bounds;
        final int[] weights;

        private Coefficients(int size, int[] bounds, int[] weights) {
            this.size = size;
            this.bounds = bounds;
            this.weights = weights;
        }

        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = 2.0 * filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * outSize];
            int[] weights = new int[outSize * size];
            double[] k = new double[size];
            double inv = 1.0 / filterScale;
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                int xmin = Math.max(0, (int) (center - support + 0.5));
                int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
                double total = 0;
                for (int x = 0; x < xmax; x++) {
                    k[x] = bicubic((x + xmin - center + 0.5) * inv);
                    total += k[x];
                }
                for (int x = 0; x < xmax; x++) {
                    double v = total != 0 ? k[x] / total : k[x];
                    weights[xx * size + x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
                }
                bounds[2 * xx] = xmin;
                bounds[2 * xx + 1] = xmax;
            }
            return new Coefficients(size, bounds, weights);
        }
    }
}
