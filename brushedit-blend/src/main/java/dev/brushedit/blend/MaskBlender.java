package dev.brushedit.blend;

import dev.brushedit.blend.internal.Gaussian;
import dev.brushedit.blend.internal.Planes;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * BrushNet's blurred-mask paste: the generated image is pasted into the original through the mask
 * widened by its own blur, {@code m' = 1 - (1 - m) * (1 - blur(m))}, and
 * {@code out = trunc(original * (1 - m') + generated * m')} per channel, in double precision, as
 * BrushNet's {@code test_brushnet.py} does with numpy.
 *
 * <p>{@code blur} is OpenCV's {@code GaussianBlur} of {@code 255 m} divided by 255: a
 * {@link Builder#kernelSize} square kernel (default 21), {@code sigma = 0.3 * ((k - 1) * 0.5 - 1) + 0.8}
 * (3.5 for 21) unless {@link Builder#sigma} is given, border {@code BORDER_REFLECT_101}. The mask is
 * used as given (1 = generated); a binary mask reproduces BrushNet exactly. Pixels farther than
 * {@code k / 2} from every masked pixel get {@code m' = 0} and come out exactly equal to the
 * original.
 *
 * <p>Thread-safety: immutable, safe for concurrent use.
 */
public final class MaskBlender {
    private static final MaskBlender DEFAULTS = builder().build();

    private final int kernelSize;
    private final double sigma;

    private MaskBlender(Builder b) {
        this.kernelSize = b.kernelSize;
        this.sigma = b.sigma;
    }

    /** BrushNet's settings: a 21x21 kernel with OpenCV's sigma for that size. */
    public static MaskBlender defaults() {
        return DEFAULTS;
    }

    /** A builder with BrushNet's settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this blender's settings. */
    public Builder toBuilder() {
        return new Builder().kernelSize(kernelSize).sigma(sigma);
    }

    /** The widened mask {@code m' = 1 - (1 - m) * (1 - blur(m))}. */
    public Mask blurredMask(Mask mask) {
        Planes.require("mask", mask);
        double[] m = widened(mask);
        float[] v = new float[m.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) m[i];
        }
        return Mask.of(mask.width(), mask.height(), v);
    }

    /**
     * {@code generated} pasted into {@code original} through {@link #blurredMask}; an empty mask
     * returns {@code original} itself.
     *
     * @throws dev.brushedit.core.InvalidInputException when an argument is null or the sizes differ
     */
    public RgbImage blend(RgbImage original, RgbImage generated, Mask mask) {
        Planes.sameSize("original", original, "generated", generated);
        Planes.sameSize("original", original, "mask", mask);
        if (mask.isEmpty()) {
            return original;
        }
        double[] m = widened(mask);
        byte[] o = original.toRgbBytes();
        byte[] g = generated.toRgbBytes();
        byte[] out = new byte[o.length];
        for (int i = 0; i < m.length; i++) {
            double a = m[i];
            for (int c = 3 * i; c < 3 * i + 3; c++) {
                out[c] = (byte) (int) ((o[c] & 0xff) * (1 - a) + (g[c] & 0xff) * a);
            }
        }
        return RgbImage.of(original.width(), original.height(), out);
    }

    private double[] widened(Mask mask) {
        float[] v = mask.toArray();
        double[] m = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            m[i] = v[i] * 255.0;
        }
        double[] b = Gaussian.blur(m, mask.width(), mask.height(), Gaussian.kernel(kernelSize, sigma));
        for (int i = 0; i < m.length; i++) {
            double mi = v[i];
            m[i] = 1 - (1 - mi) * (1 - b[i] / 255);
        }
        return m;
    }

    /**
     * Settings of a {@link MaskBlender}; every setter validates at once.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private int kernelSize = 21;
        private double sigma = 0;

        private Builder() {}

        /** Odd Gaussian kernel size, 1..1001 (default 21). */
        public Builder kernelSize(int kernelSize) {
            MaskOps.checkKernel(kernelSize, sigma);
            this.kernelSize = kernelSize;
            return this;
        }

        /** Gaussian sigma in pixels, 0..1000; 0 (default) means OpenCV's rule for the kernel size. */
        public Builder sigma(double sigma) {
            this.sigma = dev.brushedit.core.Checks.inRange("sigma", sigma, 0.0, 1000.0);
            return this;
        }

        /** The blender. */
        public MaskBlender build() {
            return new MaskBlender(this);
        }
    }
}
