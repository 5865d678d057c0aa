package dev.brushedit.blend.internal;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code |IFFT2(keep * FFT2(x))|} of a real plane of any size through half spectra: real row transforms, then
 * complex transforms of the {@code w / 2 + 1} non-redundant columns only, about half the work of the full complex
 * transform, for every size (JTransforms' own 2-D real transform needs powers of two).
 *
 * <p>A real input has {@code X[-k] = conj(X[k])}; with a band symmetric under {@code k -> -k} (every band of
 * {@code ZoneMode.CORRECTED}) the filtered spectrum stays Hermitian and its inverse real, so the half spectrum holds
 * everything. Equal to the full complex transform to rounding. (Asymmetric bands, ZONE's disk on a non-square plane,
 * would need two such inverses, which measured slower than JTransforms' full complex 2-D transform.)
 *
 * <p>Thread-safety: safe for concurrent use (per-thread plans).
 */
final class RealSpectrumFft {
    private static final ThreadLocal<Object[]> PLANS = new ThreadLocal<>();

    private RealSpectrumFft() {}

    /** The magnitude plane for a symmetric {@code keep}; {@code w} and {@code h} must both be at least 2. */
    static double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
        DoubleFFT_1D[] plans = plans(w, h);
        DoubleFFT_1D rows = plans[0];
        DoubleFFT_1D cols = plans[1];
        int nc = w / 2 + 1;
        double[] spectrum = new double[h * 2 * nc];
        double[] row = new double[w];
        for (int r = 0; r < h; r++) {
            System.arraycopy(x, r * w, row, 0, w);
            rows.realForward(row);
            unpack(row, w, spectrum, r * 2 * nc);
        }
        columns(spectrum, h, nc, cols, true);
        double[] kept = new double[spectrum.length];
        for (int k1 = 0; k1 < h; k1++) {
            for (int k2 = 0; k2 < nc; k2++) {
                if (keep[k1 * w + k2] != 0) {
                    int i = k1 * 2 * nc + 2 * k2;
                    kept[i] = spectrum[i];
                    kept[i + 1] = spectrum[i + 1];
                }
            }
        }
        double[] out = inverse(kept, w, h, nc, rows, cols, row);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i]);
        }
        return out;
    }

    private static double[] inverse(double[] half, int w, int h, int nc, DoubleFFT_1D rows, DoubleFFT_1D cols, double[] row) {
        columns(half, h, nc, cols, false);
        double[] out = new double[w * h];
        for (int r = 0; r < h; r++) {
            pack(half, r * 2 * nc, w, row);
            rows.realInverse(row, true);
            System.arraycopy(row, 0, out, r * w, w);
        }
        return out;
    }

    /** Complex transforms of the {@code nc} columns of a row-major {@code h x nc} complex array, in place. */
    private static void columns(double[] a, int h, int nc, DoubleFFT_1D cols, boolean forward) {
        double[] col = new double[2 * h];
        int stride = 2 * nc;
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < h; r++) {
                col[2 * r] = a[r * stride + 2 * c];
                col[2 * r + 1] = a[r * stride + 2 * c + 1];
            }
            if (forward) {
                cols.complexForward(col);
            } else {
                cols.complexInverse(col, true);
            }
            for (int r = 0; r < h; r++) {
                a[r * stride + 2 * c] = col[2 * r];
                a[r * stride + 2 * c + 1] = col[2 * r + 1];
            }
        }
    }

    /** JTransforms' packed real spectrum of length {@code w} to {@code w / 2 + 1} complex values at {@code off}. */
    static void unpack(double[] packed, int w, double[] dst, int off) {
        dst[off] = packed[0];
        dst[off + 1] = 0;
        if (w % 2 == 0) {
            for (int k = 1; k < w / 2; k++) {
                dst[off + 2 * k] = packed[2 * k];
                dst[off + 2 * k + 1] = packed[2 * k + 1];
            }
            dst[off + w] = packed[1];
            dst[off + w + 1] = 0;
        } else {
            int last = (w - 1) / 2;
            for (int k = 1; k < last; k++) {
                dst[off + 2 * k] = packed[2 * k];
                dst[off + 2 * k + 1] = packed[2 * k + 1];
            }
            if (last > 0) {
                dst[off + 2 * last] = packed[w - 1];
                dst[off + 2 * last + 1] = packed[1];
            }
        }
    }

    /** The inverse of {@link #unpack}: {@code w / 2 + 1} complex values at {@code off} to the packed layout. */
    static void pack(double[] src, int off, int w, double[] packed) {
        packed[0] = src[off];
        if (w % 2 == 0) {
            for (int k = 1; k < w / 2; k++) {
                packed[2 * k] = src[off + 2 * k];
                packed[2 * k + 1] = src[off + 2 * k + 1];
            }
            packed[1] = src[off + w];
        } else {
            int last = (w - 1) / 2;
            for (int k = 1; k < last; k++) {
                packed[2 * k] = src[off + 2 * k];
                packed[2 * k + 1] = src[off + 2 * k + 1];
            }
            if (last > 0) {
                packed[w - 1] = src[off + 2 * last];
                packed[1] = src[off + 2 * last + 1];
            }
        }
    }

    /** This thread's 1-D plans for rows of {@code w} and columns of {@code h}, cached for the last size used. */
    static DoubleFFT_1D[] plans(int w, int h) {
        Object[] cached = PLANS.get();
        if (cached != null && (int) cached[0] == w && (int) cached[1] == h) {
            return (DoubleFFT_1D[]) cached[2];
        }
        DoubleFFT_1D[] p = {new DoubleFFT_1D(w), new DoubleFFT_1D(h)};
        PLANS.set(new Object[] {w, h, p});
        return p;
    }
}
