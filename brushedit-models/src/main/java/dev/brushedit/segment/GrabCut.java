package dev.brushedit.segment;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
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

    private GrabCut(Builder b) {
        this.iterations = b.iterations;
        this.gamma = b.gamma;
        this.seed = b.seed;
    }

    /** A builder with OpenCV's defaults: 5 iterations, gamma 50, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().iterations(iterations).gamma(gamma).seed(seed);
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
        boolean[] fg = GrabCutSolver.segment(image.toRgbBytes(), w, h, b.x0(), b.y0(), b.x1(), b.y1(),
                iterations, gamma, seed);
        float[] values = new float[fg.length];
        for (int i = 0; i < fg.length; i++) {
            values[i] = fg[i] ? 1f : 0f;
        }
        return Mask.of(w, h, values);
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

    /**
     * Builder for {@link GrabCut}; setters validate at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int iterations = 5;
        private double gamma = 50;
        private long seed;

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

        /** The segmenter. */
        public GrabCut build() {
            return new GrabCut(this);
        }
    }
}
