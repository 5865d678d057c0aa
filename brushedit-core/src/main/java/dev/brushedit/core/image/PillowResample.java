package dev.brushedit.core.image;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;

/**
 * Resizes 8-bit images exactly as Pillow's {@code Image.resize} does (Pillow's Resample.c): a separable
 * filter whose support widens with the down-scaling factor, weights in 22-bit fixed point, the horizontal
 * pass first, each pass rounded and clipped to 8 bits. Python preprocessing that resizes with Pillow
 * (segment-anything's {@code ResizeLongestSide}, ZONE's mask resize) is reproduced pixel for pixel. Pillow 13
 * sometimes runs the vertical pass first; results then differ by at most one 8-bit level in some pixels.
 *
 * <p>Thread-safety: stateless.
 */
public final class PillowResample {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** Pillow's resampling filters, with their support at scale 1. */
    public enum Filter {
        /** {@code Image.BILINEAR}: the triangle filter, support 1. */
        BILINEAR(1.0),
        /** {@code Image.BICUBIC}: the cubic convolution filter with {@code a = -0.5}, support 2. */
        BICUBIC(2.0),
        /** {@code Image.LANCZOS}: the Lanczos filter {@code sinc(x) sinc(x / 3)}, support 3 (diffusers' default resize). */
        LANCZOS(3.0);

        private final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            double t = Math.abs(x);
            if (this == BILINEAR) {
                return t < 1.0 ? 1.0 - t : 0.0;
            }
            if (this == LANCZOS) {
                return t < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0;
            }
            double a = -0.5;
            if (t < 1.0) {
                return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
            }
            if (t < 2.0) {
                return (((t - 5) * t + 8) * t - 4) * a;
            }
            return 0.0;
        }
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private PillowResample() {}

    /** {@code image} resized to {@code width x height} with {@code filter}; the same image when the size is unchanged. */
    public static RgbImage resize(RgbImage image, int width, int height, Filter filter) {
        Checks.notNull("image", image);
        if (image.width() == width && image.height() == height) {
            return image;
        }
        byte[] rgb = image.toRgbBytes();
        int[] src = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            src[i] = rgb[i] & 0xff;
        }
        int[] out = resize(src, image.width(), image.height(), 3, width, height, filter);
        byte[] bytes = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            bytes[i] = (byte) out[i];
        }
        return RgbImage.of(width, height, bytes);
    }

    /**
     * Interleaved 8-bit samples ({@code width x height x channels}, values 0..255) resized to
     * {@code outWidth x outHeight}; the input array itself when the size is unchanged.
     */
    public static int[] resize(int[] src, int width, int height, int channels, int outWidth, int outHeight, Filter filter) {
        Checks.notNull("src", src);
        Checks.notNull("filter", filter);
        Checks.inRange("outWidth", outWidth, 1, Integer.MAX_VALUE);
        Checks.inRange("outHeight", outHeight, 1, Integer.MAX_VALUE);
        if (src.length != (long) width * height * channels) {
            throw new InvalidInputException("src must hold width x height x channels = "
                    + ((long) width * height * channels) + " samples, was " + src.length);
        }
        int[] mid = src;
        if (outWidth != width) {
            Coefficients cx = Coefficients.of(width, outWidth, filter);
            mid = new int[outWidth * height * channels];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int base = cx.bounds[2 * x];
                    for (int c = 0; c < channels; c++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        for (int i = 0; i < cx.bounds[2 * x + 1]; i++) {
                            ss += (long) src[(y * width + base + i) * channels + c] * cx.weights[x * cx.size + i];
                        }
                        mid[(y * outWidth + x) * channels + c] = clip8(ss);
                    }
                }
            }
        }
        if (outHeight == height) {
            return mid;
        }
        Coefficients cy = Coefficients.of(height, outHeight, filter);
        int[] out = new int[outWidth * outHeight * channels];
        for (int y = 0; y < outHeight; y++) {
            int base = cy.bounds[2 * y];
            for (int x = 0; x < outWidth; x++) {
                for (int c = 0; c < channels; c++) {
                    long ss = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < cy.bounds[2 * y + 1]; i++) {
                        ss += (long) mid[((base + i) * outWidth + x) * channels + c] * cy.weights[y * cy.size + i];
                    }
                    out[(y * outWidth + x) * channels + c] = clip8(ss);
                }
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

        static Coefficients of(int inSize, int outSize, Filter filter) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filter.support * filterScale;
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
                    k[x] = filter.weight((x + xmin - center + 0.5) * inv);
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
