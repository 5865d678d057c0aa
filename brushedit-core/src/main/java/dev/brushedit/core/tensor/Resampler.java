package dev.brushedit.core.tensor;

/**
 * Single-plane resampling kernels with PyTorch's {@code align_corners=False} index rules and float32
 * weights computed as PyTorch computes them. Nearest and area results equal PyTorch's CPU results
 * bit for bit (area: except the 1x1 global mean, which PyTorch sums in another order); bilinear and
 * bicubic differ by float32 rounding of the accumulation order only (see the parity tests).
 *
 * <p>Thread-safety: stateless.
 */
final class Resampler {
    /** Keys's cubic convolution parameter as PyTorch uses it. */
    private static final float A = -0.75f;

    private Resampler() {}

    static void resize(float[] src, int inH, int inW, float[] dst, int outH, int outW, Interpolation mode) {
        switch (mode) {
            case NEAREST -> nearest(src, inH, inW, dst, outH, outW);
            case BILINEAR -> separable(src, inH, inW, dst, outH, outW, false);
            case BICUBIC -> separable(src, inH, inW, dst, outH, outW, true);
            case AREA -> area(src, inH, inW, dst, outH, outW);
            default -> throw new IllegalStateException("unhandled interpolation " + mode);
        }
    }

    private static int nearestIndex(int out, int inSize, int outSize) {
        float scale = (float) inSize / outSize;
        return Math.min((int) Math.floor(out * scale), inSize - 1);
    }

    private static void nearest(float[] src, int inH, int inW, float[] dst, int outH, int outW) {
        int[] xs = new int[outW];
        for (int x = 0; x < outW; x++) {
            xs[x] = nearestIndex(x, inW, outW);
        }
        for (int y = 0; y < outH; y++) {
            int row = nearestIndex(y, inH, outH) * inW;
            for (int x = 0; x < outW; x++) {
                dst[y * outW + x] = src[row + xs[x]];
            }
        }
    }

    /** Per-output taps and weights along one axis. */
    private static final class Taps {
        final int[][] index;
        final float[][] weight;

        Taps(int inSize, int outSize, boolean cubic) {
            index = new int[outSize][];
            weight = new float[outSize][];
            float scale = (float) inSize / outSize;
            for (int o = 0; o < outSize; o++) {
                float real = (o + 0.5f) * scale - 0.5f;
                if (!cubic) {
                    real = Math.max(real, 0f);
                    int i0 = (int) real;
                    int i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
                    float l1 = real - i0;
                    index[o] = new int[] {i0, i1};
                    weight[o] = new float[] {1f - l1, l1};
                } else {
                    int i = (int) Math.floor(real);
                    float t = Math.min(Math.max(real - i, 0f), 1f);
                    index[o] = new int[4];
                    weight[o] = cubicWeights(t);
                    for (int k = 0; k < 4; k++) {
                        index[o][k] = Math.min(Math.max(i - 1 + k, 0), inSize - 1);
                    }
                }
            }
        }
    }

    /**
     * Keys cubic weights for taps at offsets -1, 0, 1, 2 from the floor index, evaluated in float32
     * in PyTorch's order ({@code get_cubic_upsample_coefficients}).
     */
    private static float[] cubicWeights(float t) {
        float x2 = 1f - t;
        return new float[] {cubicFar(t + 1f), cubicNear(t), cubicNear(x2), cubicFar(x2 + 1f)};
    }

    /** Kernel for {@code |x| <= 1}. */
    private static float cubicNear(float x) {
        return ((A + 2f) * x - (A + 3f)) * x * x + 1f;
    }

    /** Kernel for {@code 1 < |x| < 2}. */
    private static float cubicFar(float x) {
        return ((A * x - 5f * A) * x + 8f * A) * x - 4f * A;
    }

    private static void separable(float[] src, int inH, int inW, float[] dst, int outH, int outW, boolean cubic) {
        Taps ty = new Taps(inH, outH, cubic);
        Taps tx = new Taps(inW, outW, cubic);
        for (int y = 0; y < outH; y++) {
            int[] iy = ty.index[y];
            float[] wy = ty.weight[y];
            for (int x = 0; x < outW; x++) {
                int[] ix = tx.index[x];
                float[] wx = tx.weight[x];
                float acc = 0;
                for (int a = 0; a < iy.length; a++) {
                    float rowAcc = 0;
                    int row = iy[a] * inW;
                    for (int b = 0; b < ix.length; b++) {
                        rowAcc += wx[b] * src[row + ix[b]];
                    }
                    acc += wy[a] * rowAcc;
                }
                dst[y * outW + x] = acc;
            }
        }
    }

    private static void area(float[] src, int inH, int inW, float[] dst, int outH, int outW) {
        for (int y = 0; y < outH; y++) {
            int y0 = (int) Math.floor((double) y * inH / outH);
            int y1 = (int) Math.ceil((double) (y + 1) * inH / outH);
            for (int x = 0; x < outW; x++) {
                int x0 = (int) Math.floor((double) x * inW / outW);
                int x1 = (int) Math.ceil((double) (x + 1) * inW / outW);
                float sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        sum += src[yy * inW + xx];
                    }
                }
                dst[y * outW + x] = sum / (y1 - y0) / (x1 - x0); // PyTorch divides twice, in this order
            }
        }
    }
}
