package dev.brushedit.blend.internal;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The CPU path: JTransforms' double-precision FFTs (numpy computes in float64 too). A plane with a
 * single row or column uses the 1-D transform (a 2-D FFT along a length-1 axis is the identity).
 * Plans are cached per thread for the last size used.
 *
 * <p>Thread-safety: safe for concurrent use (per-thread plans).
 */
public final class JTransformsFft implements LowPassFft {
    private static final ThreadLocal<Object[]> PLAN = new ThreadLocal<>();

    @Override
    public double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
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
