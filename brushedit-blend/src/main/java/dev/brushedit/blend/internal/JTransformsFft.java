package dev.brushedit.blend.internal;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The CPU path: JTransforms' double-precision FFTs (numpy computes in float64 too). Powers of two with a
 * symmetric pass band use JTransforms' 2-D real transform, other sizes with a symmetric band
 * {@link RealSpectrumFft}'s half spectra, asymmetric bands {@link PrunedSpectrumFft} (real row transforms, complex
 * transforms of only the columns the band touches); a plane with a single row or column uses the 1-D complex
 * transform (a 2-D FFT along a length-1 axis is the identity).
 * Plans are cached per thread for the last size used.
 *
 * <p>Thread-safety: safe for concurrent use (per-thread plans).
 */
public final class JTransformsFft implements LowPassFft {
    private static final ThreadLocal<Object[]> PLAN = new ThreadLocal<>();

    @Override
    public double[] lowPassMagnitude(double[] x, PassBand band) {
        int w = band.width();
        int h = band.height();
        if (w > 1 && h > 1 && isPowerOfTwo(w) && isPowerOfTwo(h) && band.hermitian()) {
            return realPath(x, w, h, band.keep());
        }
        if (w > 1 && h > 1 && band.hermitian()) {
            return RealSpectrumFft.lowPassMagnitude(x, w, h, band.keep());
        }
        if (w > 1 && h > 1) {
            return PrunedSpectrumFft.lowPassMagnitude(x, w, h, band.keep());
        }
        return fullPath(x, w, h, band.keep());
    }

    /** Full complex path: any size, any keep mask (the reference the faster paths are tested against). */
    static double[] fullPath(double[] x, int w, int h, byte[] keep) {
        int n = w * h;
        double[] a = new double[2 * n];
        System.arraycopy(x, 0, a, 0, n);
        if (n > 1) {
            Object plan = plan(w, h);
            if (plan instanceof DoubleFFT_2D fft) {
                fft.realForwardFull(a);
            } else {
                ((DoubleFFT_1D) plan).realForwardFull(a);
            }
            zeroOutside(a, keep);
            if (plan instanceof DoubleFFT_2D fft) {
                fft.complexInverse(a, true);
            } else {
                ((DoubleFFT_1D) plan).complexInverse(a, true);
            }
        } else {
            a[1] = 0;
            zeroOutside(a, keep);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double re = a[2 * i];
            double im = a[2 * i + 1];
            out[i] = Math.sqrt(re * re + im * im);
        }
        return out;
    }

    /**
     * Half-spectrum path: a real input and a keep mask with {@code keep[k] == keep[-k]} give a real
     * inverse, so the packed real transform suffices (JTransforms supports it for powers of two).
     */
    static double[] realPath(double[] x, int w, int h, byte[] keep) {
        DoubleFFT_2D fft = (DoubleFFT_2D) plan(w, h);
        double[] a = x.clone();
        fft.realForward(a);
        int hw = w / 2;
        for (int k1 = 0; k1 < h; k1++) {
            int row = k1 * w;
            for (int k2 = 1; k2 < hw; k2++) {
                if (keep[row + k2] == 0) {
                    a[row + 2 * k2] = 0;
                    a[row + 2 * k2 + 1] = 0;
                }
            }
        }
        for (int k1 = 1; k1 < h / 2; k1++) {
            if (keep[k1 * w] == 0) {
                a[k1 * w] = 0;
                a[k1 * w + 1] = 0;
            }
            if (keep[k1 * w + hw] == 0) {
                a[(h - k1) * w] = 0;
                a[(h - k1) * w + 1] = 0;
            }
        }
        int mid = (h / 2) * w;
        if (keep[0] == 0) {
            a[0] = 0;
        }
        if (keep[hw] == 0) {
            a[1] = 0;
        }
        if (keep[mid] == 0) {
            a[mid] = 0;
        }
        if (keep[mid + hw] == 0) {
            a[mid + 1] = 0;
        }
        fft.realInverse(a, true);
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.abs(a[i]);
        }
        return a;
    }

    static boolean isPowerOfTwo(int n) {
        return (n & (n - 1)) == 0;
    }

    private static void zeroOutside(double[] a, byte[] keep) {
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] == 0) {
                a[2 * i] = 0;
                a[2 * i + 1] = 0;
            }
        }
    }

    private static Object plan(int w, int h) {
        Object[] cached = PLAN.get();
        if (cached != null && (int) cached[0] == w && (int) cached[1] == h) {
            return cached[2];
        }
        Object fft = (w > 1 && h > 1) ? new DoubleFFT_2D(h, w) : new DoubleFFT_1D((long) w * h);
        PLAN.set(new Object[] {w, h, fft});
        return fft;
    }

    @Override
    public String name() {
        return "jtransforms";
    }
}
