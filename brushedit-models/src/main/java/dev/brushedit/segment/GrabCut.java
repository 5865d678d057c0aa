package dev.brushedit.segment;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.PillowResample;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.segment.internal.GrabCutSolver;

/**
 * Weight-free object segmentation inside a box: GrabCut (Rother, Kolmogorov and Blake, "GrabCut:
 * interactive foreground extraction using iterated graph cuts", 2004), with the numerics of OpenCV's
 * {@code cv::grabCut} initialised with a rectangle. Pixels outside the box are background; a colour
 * mixture (five full-covariance Gaussians) of the object and one of the background, started by k-means,
 * are refined over {@link Builder#iterations(int) iterations} of graph cuts with 8-connected contrast-
 * sensitive smoothness ({@link Builder#gamma(double) gamma}). It needs no model files.
 *
 * <pre>{@code
 * Mask cup = GrabCut.builder().build().segment(image, new Box(170, 15, 412, 305));
 * }</pre>
 *
 * <p>It separates an object from its surroundings by colour: an object coloured like the background
 * inside the box, or a box much larger than the object, gives a rough or empty mask. The result is
 * deterministic for a given {@link Builder#seed(long) seed}; seed 0 draws the k-means++ centres as
 * OpenCV does after {@code cv2.setRNGSeed(0)}.
 *
 * <p>Thread-safety: immutable, safe for concurrent use (each call works on its own state).
 */
public final class GrabCut {
    private final int iterations;
    private final double gamma;
    private final long seed;
    private final long maxPixels;

    private GrabCut(Builder b) {
        this.iterations = b.iterations;
        this.gamma = b.gamma;
        this.seed = b.seed;
        this.maxPixels = b.maxPixels;
    }

    /** A builder with OpenCV's defaults: 5 iterations, gamma 50, seed 0 (and no size limit). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().iterations(iterations).gamma(gamma).seed(seed).maxPixels(maxPixels);
    }

    /**
     * The object inside {@code box}: a binary mask the size of {@code image}, 1 on the pixels judged
     * foreground (all inside the box), 0 elsewhere; it may be empty when nothing in the box stands out
     * from the background's colours.
     *
     * @param box the region holding the object, clamped to the image
     * @throws InvalidInputException when the box lies wholly outside the image or covers all of it
     *     (GrabCut learns the background from the pixels outside the box)
     */
    public Mask segment(RgbImage image, Box box) {
        Checks.notNull("image", image);
        Checks.notNull("box", box);
        int w = image.width();
        int h = image.height();
        Box b = box.clampTo(w, h);
        if (b.area() == (long) w * h) {
            throw new InvalidInputException("box must leave part of the " + w + "x" + h + " image outside it "
                    + "(the background is learnt there), was " + box);
        }
        if (maxPixels > 0 && image.pixelCount() > maxPixels) {
            return segmentScaledDown(image, b);
        }
        return run(image, b);
    }

    private Mask run(RgbImage image, Box b) {
        boolean[] fg = GrabCutSolver.segment(image.toRgbBytes(), image.width(), image.height(), b.x0(), b.y0(), b.x1(),
                b.y1(), iterations, gamma, seed);
        float[] values = new float[fg.length];
        for (int i = 0; i < fg.length; i++) {
            values[i] = fg[i] ? 1f : 0f;
        }
        return Mask.of(image.width(), image.height(), values);
    }

    /** Segments a bilinear copy of at most {@code maxPixels} pixels, then scales the mask back up inside the box. */
    private Mask segmentScaledDown(RgbImage image, Box b) {
        int w = image.width();
        int h = image.height();
        double scale = Math.sqrt((double) maxPixels / image.pixelCount());
        int sw = Math.max(2, (int) Math.floor(w * scale));
        int sh = Math.max(2, (int) Math.floor(h * scale));
        RgbImage small = PillowResample.resize(image, sw, sh, PillowResample.Filter.BILINEAR);
        int x0 = Math.min(sw - 1, (int) Math.floor(b.x0() * (double) sw / w));
        int y0 = Math.min(sh - 1, (int) Math.floor(b.y0() * (double) sh / h));
        int x1 = Math.max(x0 + 1, Math.min(sw, (int) Math.ceil(b.x1() * (double) sw / w)));
        int y1 = Math.max(y0 + 1, Math.min(sh, (int) Math.ceil(b.y1() * (double) sh / h)));
        Box smallBox = new Box(x0, y0, x1, y1);
        if (smallBox.area() == (long) sw * sh) {
            throw new InvalidInputException("box must leave part of the image outside it at the working size " + sw + "x" + sh
                    + " (maxPixels " + maxPixels + "), was " + b + "; draw a tighter box or raise maxPixels");
        }
        Mask up = run(small, smallBox).resize(w, h, Interpolation.BILINEAR);
        float[] v = up.toArray();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean inBox = x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1();
                v[i] = inBox && v[i] >= 0.5f ? 1f : 0f;
            }
        }
        return Mask.of(w, h, v);
    }

    /** Graph-cut iterations. */
    public int iterations() {
        return iterations;
    }

    /** Smoothness weight. */
    public double gamma() {
        return gamma;
    }

    /** Seed of the k-means++ initialisation. */
    public long seed() {
        return seed;
    }

    /** The largest image segmented at full size (0: no limit). */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Builder for {@link GrabCut}; setters validate at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int iterations = 5;
        private double gamma = 50;
        private long seed;
        private long maxPixels;

        private Builder() {}

        /** Graph-cut iterations, 1 to 50 (default 5, as OpenCV's examples; more rarely changes the result). */
        public Builder iterations(int value) {
            this.iterations = Checks.inRange("iterations", value, 1, 50);
            return this;
        }

        /**
         * Smoothness weight of neighbouring pixels, above 0 and at most 1000 (default 50, the paper's and
         * OpenCV's); higher values give fewer, smoother regions. Background pixels are held by {@code 9 * gamma}.
         */
        public Builder gamma(double value) {
            Checks.inRange("gamma", value, 0.0, 1000.0);
            if (value == 0) {
                throw new InvalidInputException("gamma must be above 0, was 0.0");
            }
            this.gamma = value;
            return this;
        }

        /** Seed of the k-means++ initialisation, any value (default 0; 0 matches {@code cv2.setRNGSeed(0)}). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Segment images of more than {@code value} pixels on a bilinear copy scaled down to at most that many, and
         * scale the mask back up (smoother, less exact edges); 0 (the default) segments every image at full size,
         * OpenCV's result. The time grows faster than the pixel count (about 1 s for 0.26 megapixels, 5 s for 1,
         * 20 s for 4 on one core), so a limit bounds it for large photos. 0, or 4096 to 2^31 - 1.
         */
        public Builder maxPixels(long value) {
            if (value != 0 && (value < 4096 || value > Integer.MAX_VALUE)) {
                throw new InvalidInputException("maxPixels must be 0 (no limit) or between 4096 and " + Integer.MAX_VALUE
                        + ", was " + value);
            }
            this.maxPixels = value;
            return this;
        }

        /** The segmenter. */
        public GrabCut build() {
            return new GrabCut(this);
        }
    }
}
