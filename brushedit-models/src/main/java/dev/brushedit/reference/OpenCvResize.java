package dev.brushedit.reference;

/**
 * OpenCV's {@code cv2.resize(..., INTER_CUBIC)} for 8-bit interleaved images: cubic convolution with
 * {@code A = -0.75}, centre-aligned sampling, replicated borders, coefficients in 11-bit fixed point,
 * the horizontal pass kept in integers and the vertical pass rounded once to 8 bits (OpenCV's
 * generic path; its vectorised path rounds in float and may differ by one level in rare pixels).
 * Depth Anything's preprocessing in MimicBrush resizes with it.
 *
 * <p>Thread-safety: stateless.
 */
final class OpenCvResize {
    private static final int COEF_SCALE = 2048;
    private static final float A = -0.75f;

    private OpenCvResize() {}

    /** {@code src} ({@code width x height x channels}, 0..255) resized to {@code outWidth x outHeight}. */
    static int[] cubic(int[] src, int width, int height, int channels, int outWidth, int outHeight) {
        if (width == outWidth && height == outHeight) {
            return src.clone();
        }
        int[] xofs = new int[outWidth];
        short[][] alpha = coefficients(width, outWidth, xofs);
        int[] yofs = new int[outHeight];
        short[][] beta = coefficients(height, outHeight, yofs);
        int[][] rows = new int[height][];
        int[] out = new int[outWidth * outHeight * channels];
        for (int dy = 0; dy < outHeight; dy++) {
            int[][] r = new int[4][];
            for (int k = 0; k < 4; k++) {
                int sy = Math.min(Math.max(yofs[dy] - 1 + k, 0), height - 1);
                if (rows[sy] == null) {
                    rows[sy] = horizontal(src, sy, width, channels, outWidth, xofs, alpha);
                }
                r[k] = rows[sy];
            }
            short[] b = beta[dy];
            int base = dy * outWidth * channels;
            for (int i = 0; i < outWidth * channels; i++) {
                long v = (long) r[0][i] * b[0] + (long) r[1][i] * b[1] + (long) r[2][i] * b[2] + (long) r[3][i] * b[3];
                int c = (int) ((v + (1L << 21)) >> 22);
                out[base + i] = Math.min(255, Math.max(0, c));
            }
        }
        return out;
    }

    private static int[] horizontal(int[] src, int sy, int width, int channels, int outWidth, int[] xofs, short[][] alpha) {
        int[] row = new int[outWidth * channels];
        int rowBase = sy * width * channels;
        for (int dx = 0; dx < outWidth; dx++) {
            short[] a = alpha[dx];
            for (int c = 0; c < channels; c++) {
                int v = 0;
                for (int k = 0; k < 4; k++) {
                    int sx = Math.min(Math.max(xofs[dx] - 1 + k, 0), width - 1);
                    v += src[rowBase + sx * channels + c] * a[k];
                }
                row[dx * channels + c] = v;
            }
        }
        return row;
    }

    /** Source offsets and fixed-point cubic weights for each output index, as OpenCV computes them. */
    private static short[][] coefficients(int in, int out, int[] offsets) {
        double scale = 1.0 / ((double) out / in);
        short[][] w = new short[out][4];
        for (int d = 0; d < out; d++) {
            float f = (float) ((d + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            f -= s;
            offsets[d] = s;
            float c0 = ((A * (f + 1) - 5 * A) * (f + 1) + 8 * A) * (f + 1) - 4 * A;
            float c1 = ((A + 2) * f - (A + 3)) * f * f + 1;
            float c2 = ((A + 2) * (1 - f) - (A + 3)) * (1 - f) * (1 - f) + 1;
            float c3 = 1f - c0 - c1 - c2;
            float[] c = {c0, c1, c2, c3};
            for (int k = 0; k < 4; k++) {
                w[d][k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.rint(c[k] * COEF_SCALE)));
            }
        }
        return w;
    }
}
