package dev.brushedit.core.tensor;

/** Single-plane resampling kernels with PyTorch's {@code align_corners=False} index rules. */
final class Resampler {
    private static final double CUBIC_A = -0.75;

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
                    float t = real - i;
                    index[o] = new int[4];
                    weight[o] = new float[4];
                    for (int k = 0; k < 4; k++) {
                        index[o][k] = Math.min(Math.max(i - 1 + k, 0), inSize - 1);
                        weight[o][k] = (float) cubic(t + 1 - k);
                    }
                }
            }
        }
    }

    private static double cubic(double x) {
        double a = Math.abs(x);
        if (a <= 1) {
            return ((CUBIC_A + 2) * a - (CUBIC_A + 3)) * a * a + 1;
        }
        if (a < 2) {
            return ((CUBIC_A * a - 5 * CUBIC_A) * a + 8 * CUBIC_A) * a - 4 * CUBIC_A;
        }
        return 0;
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
                dst[y * outW + x] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
    }
}
