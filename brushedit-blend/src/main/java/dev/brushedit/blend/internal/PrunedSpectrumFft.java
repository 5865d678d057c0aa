package dev.brushedit.blend.internal;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code |IFFT2(keep * FFT2(x))|} of a real plane for any pass band, symmetric or not (ZONE's disk on a non-square
 * plane is centred off the zero frequency), transforming only the frequency columns the band touches.
 *
 * <p>Rows first: each row's real transform (half the work of a complex one) gives every column's input, the other
 * half of a row's spectrum being the conjugate mirror of the first. Only the columns with a kept bin are then
 * transformed forward, masked and transformed back; the others are zero after masking and need no work. A complex
 * inverse of every row finishes. ZONE's default disk (radius 200 bins) touches 401 of 1000 columns at 1000x750 and
 * 401 of 2000 at 2000x1500, against JTransforms' full 2-D transform, which runs every column both ways. Equal to
 * the full complex transform to rounding.
 *
 * <p>Thread-safety: safe for concurrent use (per-thread plans, shared with {@link RealSpectrumFft}).
 */
final class PrunedSpectrumFft {
    private PrunedSpectrumFft() {}

    /** The magnitude plane; {@code w} and {@code h} must both be at least 2. */
    static double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
        int[] columns = keptColumns(keep, w, h);
        double[] out = new double[w * h];
        if (columns.length == 0) {
            return out;
        }
        DoubleFFT_1D[] plans = RealSpectrumFft.plans(w, h);
        DoubleFFT_1D rows = plans[0];
        DoubleFFT_1D cols = plans[1];
        int m = columns.length;
        int nc = w / 2 + 1;
        // data[j]: column columns[j] of the spectrum, complex, length h
        double[][] data = new double[m][2 * h];
        double[] row = new double[w];
        double[] half = new double[2 * nc];
        for (int r = 0; r < h; r++) {
            System.arraycopy(x, r * w, row, 0, w);
            rows.realForward(row);
            RealSpectrumFft.unpack(row, w, half, 0);
            for (int j = 0; j < m; j++) {
                int k = columns[j];
                double[] c = data[j];
                if (k < nc) {
                    c[2 * r] = half[2 * k];
                    c[2 * r + 1] = half[2 * k + 1];
                } else { // X[w - k] of a real row is the conjugate of X[k]
                    c[2 * r] = half[2 * (w - k)];
                    c[2 * r + 1] = -half[2 * (w - k) + 1];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            double[] c = data[j];
            int k = columns[j];
            cols.complexForward(c);
            for (int r = 0; r < h; r++) {
                if (keep[r * w + k] == 0) {
                    c[2 * r] = 0;
                    c[2 * r + 1] = 0;
                }
            }
            cols.complexInverse(c, true);
        }
        double[] line = new double[2 * w];
        for (int r = 0; r < h; r++) {
            Arrays.fill(line, 0);
            for (int j = 0; j < m; j++) {
                line[2 * columns[j]] = data[j][2 * r];
                line[2 * columns[j] + 1] = data[j][2 * r + 1];
            }
            rows.complexInverse(line, true);
            int base = r * w;
            for (int i = 0; i < w; i++) {
                double re = line[2 * i];
                double im = line[2 * i + 1];
                out[base + i] = Math.sqrt(re * re + im * im);
            }
        }
        return out;
    }

    /** The frequency columns (0 .. w - 1) with at least one kept bin, ascending. */
    static int[] keptColumns(byte[] keep, int w, int h) {
        boolean[] any = new boolean[w];
        int count = 0;
        for (int r = 0; r < h; r++) {
            int base = r * w;
            for (int k = 0; k < w; k++) {
                if (keep[base + k] != 0 && !any[k]) {
                    any[k] = true;
                    count++;
                }
            }
        }
        int[] out = new int[count];
        int n = 0;
        for (int k = 0; k < w; k++) {
            if (any[k]) {
                out[n++] = k;
            }
        }
        return out;
    }
}
