package dev.brushedit.blend.internal;

/**
 * Computes {@code |IFFT2(keep * FFT2(x))|} for a real plane {@code x}, where {@code keep} is a 0/1
 * plane in unshifted frequency layout (index 0 = zero frequency).
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
public interface LowPassFft {
    /** The magnitude plane, {@code w * h} values, row-major. */
    double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep);

    /** A short name for logs ("jtransforms", "cufft"). */
    String name();
}
