package dev.brushedit.blend;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Gradient-domain (Poisson) blending, as in Perez, Gangnet and Blake's "Poisson Image Editing"
 * (2003) seamless cloning: inside the region the result keeps the <em>gradients</em> of the source
 * and takes its values at the region's border from the target, so a pasted object takes on the
 * colour and light of its new surroundings without a visible seam.
 *
 * <p>For each channel it solves {@code Laplace(f) = Laplace(source)} over the region's pixels with
 * {@code f = target} on the pixels next to the region (Dirichlet condition; the image border counts
 * as a border of the region), by conjugate gradients on the five-point Laplacian, in double precision,
 * until the residual falls below {@link Builder#tolerance} times the right-hand side's norm or after
 * {@link Builder#maxIterations} iterations. Pixels outside the region are the target's, byte for byte.
 *
 * <p>Thread-safety: immutable; {@link #blend} may be called concurrently.
 */
public final class PoissonBlender {
    private final int maxIterations;
    private final double tolerance;

    private PoissonBlender(Builder b) {
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
    }

    /** A blender with the defaults (2000 iterations at most, tolerance 1e-4). */
    public static PoissonBlender defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code target} with the region ({@code region} at least 0.5) replaced by the Poisson solution
     * guided by {@code source}'s gradients. All three must have the same size.
     *
     * @throws InvalidInputException when the sizes differ or the region covers the whole image
     *     (there would be no border values)
     */
    public RgbImage blend(RgbImage target, RgbImage source, Mask region) {
        Checks.notNull("target", target);
        Checks.notNull("source", source);
        Checks.notNull("region", region);
        int w = target.width();
        int h = target.height();
        if (source.width() != w || source.height() != h) {
            throw new InvalidInputException("source of " + source.width() + "x" + source.height()
                    + " must have the target's size, " + w + "x" + h);
        }
        region.requireSameSize(target);
        int[] index = new int[w * h];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                index[y * w + x] = region.get(x, y) >= 0.5f ? n++ : -1;
            }
        }
        if (n == 0) {
            return target;
        }
        if (n == w * h) {
            throw new InvalidInputException("the blending region covers the whole " + w + "x" + h
                    + " image; it needs target pixels around it");
        }
        int[] pixel = new int[n];
        for (int i = 0; i < index.length; i++) {
            if (index[i] >= 0) {
                pixel[index[i]] = i;
            }
        }
        byte[] t = target.toRgbBytes();
        byte[] s = source.toRgbBytes();
        byte[] out = target.toRgbBytes();
        for (int c = 0; c < 3; c++) {
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                int p = pixel[k];
                int x = p % w;
                int y = p / w;
                double sp = s[3 * p + c] & 0xff;
                double rhs = 0;
                int[] nx = {x - 1, x + 1, x, x};
                int[] ny = {y, y, y - 1, y + 1};
                for (int d = 0; d < 4; d++) {
                    if (nx[d] < 0 || nx[d] >= w || ny[d] < 0 || ny[d] >= h) {
                        continue;
                    }
                    int q = ny[d] * w + nx[d];
                    rhs += sp - (s[3 * q + c] & 0xff);
                    if (index[q] < 0) {
                        rhs += t[3 * q + c] & 0xff;
                    }
                }
                b[k] = rhs;
            }
            double[] f = new double[n];
            for (int k = 0; k < n; k++) {
                f[k] = s[3 * pixel[k] + c] & 0xff;
            }
            solve(f, b, pixel, index, w, h);
            for (int k = 0; k < n; k++) {
                out[3 * pixel[k] + c] = (byte) Math.max(0, Math.min(255, Math.round(f[k])));
            }
        }
        return RgbImage.of(w, h, out);
    }

    /** Conjugate gradients on A f = b, A = (number of in-image neighbours) I - (adjacency inside the region). */
    private void solve(double[] f, double[] b, int[] pixel, int[] index, int w, int h) {
        int n = f.length;
        double[] r = new double[n];
        double[] ap = new double[n];
        apply(f, r, pixel, index, w, h);
        double bNorm = 0;
        for (int k = 0; k < n; k++) {
            r[k] = b[k] - r[k];
            bNorm += b[k] * b[k];
        }
        double[] p = r.clone();
        double rr = dot(r, r);
        double stop = tolerance * tolerance * Math.max(bNorm, 1e-12);
        for (int it = 0; it < maxIterations && rr > stop; it++) {
            apply(p, ap, pixel, index, w, h);
            double alpha = rr / dot(p, ap);
            for (int k = 0; k < n; k++) {
                f[k] += alpha * p[k];
                r[k] -= alpha * ap[k];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int k = 0; k < n; k++) {
                p[k] = r[k] + beta * p[k];
            }
        }
    }

    private static void apply(double[] v, double[] out, int[] pixel, int[] index, int w, int h) {
        for (int k = 0; k < v.length; k++) {
            int p = pixel[k];
            int x = p % w;
            int y = p / w;
            double sum = 0;
            int deg = 0;
            if (x > 0) {
                deg++;
                sum += at(v, index[p - 1]);
            }
            if (x < w - 1) {
                deg++;
                sum += at(v, index[p + 1]);
            }
            if (y > 0) {
                deg++;
                sum += at(v, index[p - w]);
            }
            if (y < h - 1) {
                deg++;
                sum += at(v, index[p + w]);
            }
            out[k] = deg * v[k] - sum;
        }
    }

    private static double at(double[] v, int k) {
        return k < 0 ? 0 : v[k];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Builds {@link PoissonBlender}s; setters validate their arguments.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int maxIterations = 2000;
        private double tolerance = 1e-4;

        private Builder() {}

        /** Most conjugate-gradient iterations per channel, 1 to 100000 (default 2000). */
        public Builder maxIterations(int iterations) {
            this.maxIterations = Checks.inRange("maxIterations", iterations, 1, 100_000);
            return this;
        }

        /** Relative residual at which the solver stops, 1e-10 to 0.1 (default 1e-4). */
        public Builder tolerance(double tolerance) {
            this.tolerance = Checks.inRange("tolerance", tolerance, 1e-10, 0.1);
            return this;
        }

        /** The blender. */
        public PoissonBlender build() {
            return new PoissonBlender(this);
        }
    }
}
