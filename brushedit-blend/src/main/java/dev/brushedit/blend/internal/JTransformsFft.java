package dev.brushedit.blend.internal;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * The CPU path: JTransforms' double-precision 2-D FFT (numpy computes in float64 too). Plans are
 * cached per thread for the last size used.
 *
 * <p>Thread-safety: safe for concurrent use (per-thread plans).
 */
public final class JTransformsFft implements LowPassFft {
    private static final ThreadLocal<Object[]> PLAN = new ThreadLocal<>();

    @Override
    public double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
        DoubleFFT_2D fft = plan(w, h);
        double[] a = new double[2 * w * h];
        System.arraycopy(x, 0, a, 0, w * h);
        fft.realForwardFull(a);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] == 0) {
                a[2 * i] = 0;
                a[2 * i + 1] = 0;
            }
        }
        fft.complexInverse(a, true);
        double[] out = new double[w * h];
        for (int i = 0; i < out.length; i++) {
            double re = a[2 * i];
            double im = a[2 * i + 1];
            out[i] = Math.sqrt(re * re + im * im);
        }
        return out;
    }

    private static DoubleFFT_2D plan(int w, int h) {
        Object[] cached = PLAN.get();
        if (cached != null && (int) cached[0] == w && (int) cached[1] == h) {
            return (DoubleFFT_2D) cached[2];
        }
        DoubleFFT_2D fft = new DoubleFFT_2D(h, w);
        PLAN.set(new Object[] {w, h, fft});
        return fft;
    }

    @Override
    public String name() {
        return "jtransforms";
    }
}
