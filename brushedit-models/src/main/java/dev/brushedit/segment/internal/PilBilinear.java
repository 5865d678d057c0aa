package dev.brushedit.segment.internal;

import dev.brushedit.core.image.RgbImage;

/**
 * Resizes 8-bit RGB images as Pillow's {@code Image.resize(size, BILINEAR)} does (the resize
 * segment-anything's {@code ResizeLongestSide.apply_image} runs through torchvision): a separable
 * triangle filter whose support widens with the down-scaling factor (anti-aliasing), weights in
 * 22-bit fixed point, the horizontal pass first, each pass rounded and clipped to 8 bits (Pillow's
 * Resample.c). Pillow 13 sometimes runs the vertical pass first; results then differ by at most one
 * 8-bit level in some pixels.
 *
 * <p>Thread-safety: stateless.
 */
public final class PilBilinear {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilBilinear() {}

    /** {@code image} resized to {@code width x height}; the same pixels when the size is unchanged. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        int w = image.width();
        int h = image.height();
        byte[] src = image.toRgbBytes();
        if (w == width && h == height) {
            return image;
        }
        byte[] mid = src;
        if (width != w) {
            Coefficients cx = Coefficients.of(w, width);
            mid = new byte[width * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        int base = cx.bounds[2 * x];
                        for (int i = 0; i < cx.bounds[2 * x + 1]; i++) {
                            ss += (long) (src[(y * w + base + i) * 3 + c] & 0xff) * cx.weights[x * cx.size + i];
                        }
                        mid[(y * width + x) * 3 + c] = clip8(ss);
                    }
                }
            }
        }
        byte[] out = mid;
        if (height != h) {
            Coefficients cy = Coefficients.of(h, height);
            out = new byte[width * height * 3];
            for (int y = 0; y < height; y++) {
                int base = cy.bounds[2 * y];
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < 3; c++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        for (int i = 0; i < cy.bounds[2 * y + 1]; i++) {
                            ss += (long) (mid[((base + i) * width + x) * 3 + c] & 0xff) * cy.weights[y * cy.size + i];
                        }
                        out[(y * width + x) * 3 + c] = clip8(ss);
                    }
                }
            }
        }
        return RgbImage.of(width, height, out);
    }

    private static byte clip8(long v) {
        if (v >= (1L << PRECISION_BITS) << 8) {
            return (byte) 255;
        }
        if (v <= 0) {
            return 0;
        }
        return (byte) (v >> PRECISION_BITS);
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
            double support = filterScale;
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * outSize];
            int[] weights = new int[outSize * size];
            double[] k = new double[size];
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                double inv = 1.0 / filterScale;
                int xmin = Math.max(0, (int) (center - support + 0.5));
                int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
                double total = 0;
                for (int x = 0; x < xmax; x++) {
                    double t = Math.abs((x + xmin - center + 0.5) * inv);
                    k[x] = t < 1.0 ? 1.0 - t : 0.0;
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
