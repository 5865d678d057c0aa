package dev.brushedit.blend;

import dev.brushedit.blend.internal.FftBackends;
import dev.brushedit.blend.internal.LowPassFft;
import dev.brushedit.blend.internal.Morphology;
import dev.brushedit.blend.internal.Planes;
import dev.brushedit.blend.internal.Regions;
import dev.brushedit.blend.internal.ZoneSpectrum;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZONE's FFT edge smoother (CVPR 2024, "Zero-Shot Instruction-Guided Local Editing"): blends an
 * edited object layer into the original image without a visible seam.
 *
 * <p>Steps, for an original image, an edited image and the object mask (values {@code >= 0.5} set):
 * <ol>
 *   <li>dilate the mask with a 3x3 square, {@link Builder#dilateIterations} times (default 4);</li>
 *   <li>set both images to black outside the dilated mask and take their gray levels;</li>
 *   <li>take the centred 2-D FFT of each, keep only the low frequencies inside the cut-off
 *       (an ideal low-pass of radius {@link Builder#cutoff D0}, default 200 at 512x512), subtract
 *       and take the magnitude of the inverse FFT;</li>
 *   <li>threshold it ({@link Builder#threshold}, default 30: values above it are set), close with a
 *       {@link Builder#closeSize} square (default 21) and fill the external contours: this is the
 *       smoothed mask;</li>
 *   <li>composite: the original, with the edited image where the smoothed mask is set, and
 *       {@code alpha * edited + (1 - alpha) * original} ({@link Builder#alpha}, default 0.6) in the
 *       ring where the smoothed mask and the object mask differ.</li>
 * </ol>
 *
 * <p><b>How D0 scales.</b> In {@link ZoneMode#CORRECTED} mode (the default) D0 is specified for a
 * 512x512 image, i.e. as a cut-off of {@code D0 / 512} cycles per pixel: a {@code W x H} image keeps
 * the frequencies inside the ellipse with semi-axes {@code D0 * W / 512} (horizontal) and
 * {@code D0 * H / 512} (vertical) bins, so the smoothing acts over the same number of pixels at
 * every size, like the 3x3 dilation and the 21x21 closing. In {@link ZoneMode#REFERENCE} mode D0 is
 * used unscaled, in bins, with ZONE's disk placement (see {@link ZoneMode}).
 *
 * <p><b>Edge cases.</b> An empty mask returns the original untouched (and an empty mask). Masks that
 * are all ones, images of 1x1 and of odd sizes are handled. Sizes must match.
 *
 * <p>The FFT runs on the CPU with JTransforms in double precision, or through cuFFT when the JavaCPP
 * CUDA presets, their natives and a device are all present (never required; the choice is logged
 * once, at DEBUG level when the GPU is not used); both give the same masks.
 *
 * <p>Thread-safety: immutable, safe for concurrent use.
 */
public final class FftEdgeSmoother {
    private static final Logger LOG = LoggerFactory.getLogger(FftEdgeSmoother.class);

    private final ZoneMode mode;
    private final int threshold;
    private final int cutoff;
    private final int dilateIterations;
    private final int closeSize;
    private final double alpha;
    private final boolean allowGpu;

    private FftEdgeSmoother(Builder b) {
        this.mode = b.mode;
        this.threshold = b.threshold;
        this.cutoff = b.cutoff;
        this.dilateIterations = b.dilateIterations;
        this.closeSize = b.closeSize;
        this.alpha = b.alpha;
        this.allowGpu = b.allowGpu;
    }

    /** A builder with ZONE's defaults in {@link ZoneMode#CORRECTED} mode. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this smoother's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.threshold = threshold;
        b.cutoff = cutoff;
        b.dilateIterations = dilateIterations;
        b.closeSize = closeSize;
        b.alpha = alpha;
        b.allowGpu = allowGpu;
        return b;
    }

    /** The mode. */
    public ZoneMode mode() {
        return mode;
    }

    /**
     * Smooths the seam of {@code edited} pasted into {@code original} over {@code mask}.
     *
     * @throws dev.brushedit.core.InvalidInputException when an argument is null or the sizes differ
     */
    public SmoothedEdit smooth(RgbImage original, RgbImage edited, Mask mask) {
        Planes.sameSize("original", original, "edited", edited);
        Planes.sameSize("original", original, "mask", mask);
        int w = original.width();
        int h = original.height();
        byte[] object = Planes.binary(mask);
        if (isZero(object)) {
            return new SmoothedEdit(Mask.empty(w, h), original);
        }
        byte[] smoothed = smoothedPlane(original, edited, object, w, h);
        return new SmoothedEdit(Planes.toMask(smoothed, w, h), composite(original, edited, object, smoothed));
    }

    /** The smoothed mask only (steps 1 to 4). */
    public Mask smoothedMask(RgbImage original, RgbImage edited, Mask mask) {
        return smooth(original, edited, mask).mask();
    }

    private byte[] smoothedPlane(RgbImage original, RgbImage edited, byte[] object, int w, int h) {
        byte[] dilated = object;
        for (int i = 0; i < dilateIterations; i++) {
            dilated = Morphology.dilateRect(dilated, w, h, 3, 3);
        }
        byte[] a = edited.toRgbBytes();
        byte[] b = original.toRgbBytes();
        double[] diff = new double[w * h];
        boolean reference = mode == ZoneMode.REFERENCE;
        for (int i = 0; i < diff.length; i++) {
            if (dilated[i] != 0) {
                diff[i] = ZoneSpectrum.gray(a, i, reference) - ZoneSpectrum.gray(b, i, reference);
            }
        }
        byte[] keep = reference ? ZoneSpectrum.referenceDisk(w, h, cutoff) : ZoneSpectrum.scaledEllipse(w, h, cutoff);
        double[] mag = lowPass(diff, w, h, keep);
        byte[] bin = new byte[w * h];
        for (int i = 0; i < bin.length; i++) {
            bin[i] = (byte) (ZoneSpectrum.toUint8(mag[i], reference) > threshold ? 1 : 0);
        }
        byte[] closed = Morphology.erodeRect(Morphology.dilateRect(bin, w, h, closeSize, closeSize), w, h, closeSize, closeSize);
        return Regions.fillHoles(closed, w, h, false);
    }

    private double[] lowPass(double[] diff, int w, int h, byte[] keep) {
        LowPassFft fft = allowGpu ? FftBackends.best() : FftBackends.cpu();
        try {
            return fft.lowPassMagnitude(diff, w, h, keep);
        } catch (RuntimeException e) {
            if (fft.name().equals("jtransforms")) {
                throw e;
            }
            LOG.warn("{} failed ({}); retrying on the CPU", fft.name(), e.toString());
            return FftBackends.cpu().lowPassMagnitude(diff, w, h, keep);
        }
    }

    private RgbImage composite(RgbImage original, RgbImage edited, byte[] object, byte[] smoothed) {
        byte[] o = original.toRgbBytes();
        byte[] e = edited.toRgbBytes();
        byte[] out = o.clone();
        boolean reference = mode == ZoneMode.REFERENCE;
        for (int i = 0; i < smoothed.length; i++) {
            // REFERENCE: uint8 (smoothed - mask) wraps, so the ring is every pixel where they differ.
            boolean ring = reference ? smoothed[i] != object[i] : smoothed[i] == 1 && object[i] == 0;
            if (ring) {
                for (int c = 3 * i; c < 3 * i + 3; c++) {
                    double v = (e[c] & 0xff) * alpha + (o[c] & 0xff) * (1 - alpha);
                    out[c] = (byte) (reference ? (int) v : (int) Math.round(v));
                }
            } else if (smoothed[i] == 1) {
                out[3 * i] = e[3 * i];
                out[3 * i + 1] = e[3 * i + 1];
                out[3 * i + 2] = e[3 * i + 2];
            }
        }
        return RgbImage.of(original.width(), original.height(), out);
    }

    private static boolean isZero(byte[] p) {
        for (byte v : p) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Settings of an {@link FftEdgeSmoother}; every setter validates at once.
     *
     * <p>Thread-safety: not thread-safe; confine a builder to one thread.
     */
    public static final class Builder {
        private ZoneMode mode = ZoneMode.CORRECTED;
        private int threshold = 30;
        private int cutoff = 200;
        private int dilateIterations = 4;
        private int closeSize = 21;
        private double alpha = 0.6;
        private boolean allowGpu = true;

        private Builder() {}

        /** {@link ZoneMode#CORRECTED} (default) or {@link ZoneMode#REFERENCE}. */
        public Builder mode(ZoneMode mode) {
            this.mode = Checks.notNull("mode", mode);
            return this;
        }

        /** Magnitude threshold, 0..254 (default 30): pixels above it enter the smoothed mask. */
        public Builder threshold(int threshold) {
            this.threshold = Checks.inRange("threshold", threshold, 0, 254);
            return this;
        }

        /** Low-pass cut-off D0 in frequency bins at 512x512, 1..100000 (default 200). */
        public Builder cutoff(int cutoff) {
            this.cutoff = Checks.inRange("cutoff", cutoff, 1, 100_000);
            return this;
        }

        /** How many times the object mask is dilated with a 3x3 square, 0..1000 (default 4). */
        public Builder dilateIterations(int iterations) {
            this.dilateIterations = Checks.inRange("dilateIterations", iterations, 0, 1000);
            return this;
        }

        /** Side of the square that closes the thresholded mask, 1..1001 (default 21). */
        public Builder closeSize(int size) {
            this.closeSize = Checks.inRange("closeSize", size, 1, 1001);
            return this;
        }

        /** Weight of the edited image in the blend ring, 0..1 (default 0.6). */
        public Builder alpha(double alpha) {
            this.alpha = Checks.inRange("alpha", alpha, 0.0, 1.0);
            return this;
        }

        /** Whether cuFFT may be used when available (default true). */
        public Builder allowGpu(boolean allowGpu) {
            this.allowGpu = allowGpu;
            return this;
        }

        /** The smoother. */
        public FftEdgeSmoother build() {
            return new FftEdgeSmoother(this);
        }
    }
}
