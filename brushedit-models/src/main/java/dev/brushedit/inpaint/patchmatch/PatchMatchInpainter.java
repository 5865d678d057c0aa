package dev.brushedit.inpaint.patchmatch;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.concurrent.ForkJoinPool;

/**
 * A weight-free, exemplar-based inpainter: multi-scale PatchMatch with patch voting (Wexler,
 * Shechtman and Irani 2007; Barnes et al. 2009). It fills the hole with patches copied from the
 * known part of the same image, so it needs no model files. Use it for object removal and for
 * masked inpainting without a model folder. By default the fill copies texture rather than
 * averaging it ({@link Builder#sharpFill}), prefers nearby sources
 * ({@link Builder#sourceDistanceWeight}) and is blended into the hole border in the gradient domain
 * ({@link Builder#blendSeams}); its smooth part then comes mostly from a membrane interpolation of
 * the border colours that follows the edges entering the hole ({@link Builder#structureFill}) and
 * its texture from the patches ({@link Builder#lowBandWeight}, {@link Builder#highBandGain}).
 *
 * <p>The mask is binarized at 0.5: pixels with value at least 0.5 are the hole, the rest are kept
 * and returned byte-for-byte unchanged. Source patches come only from fully known pixels. Results
 * are deterministic for a seed: the same image, mask and settings give the same pixels in every run
 * and for every {@link Builder#parallelism parallelism}.
 *
 * <pre>{@code
 * PatchMatchInpainter inpainter = PatchMatchInpainter.builder().seed(42).build();
 * RgbImage filled = inpainter.inpaint(photo, mask);
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #inpaint} may be called concurrently, each call uses its own
 * working memory (and, with parallelism above 1, its own short-lived fork-join pool).
 */
public final class PatchMatchInpainter {
    /** Default patch side length in pixels. */
    public static final int DEFAULT_PATCH_SIZE = 7;
    /** Default smallest pyramid level side: 0, automatic (an eighth of the shorter image side, clamped to [8, 64]). */
    public static final int DEFAULT_MIN_LEVEL_SIZE = 0;
    /** Default largest number of pyramid levels. */
    public static final int DEFAULT_MAX_LEVELS = 8;
    /** Default EM (search + vote) iterations per level. */
    public static final int DEFAULT_EM_ITERATIONS = 8;
    /** Default source-distance weight (see {@link Builder#sourceDistanceWeight}). */
    public static final double DEFAULT_SOURCE_DISTANCE_WEIGHT = 1000;
    /** Default PatchMatch sweeps per EM iteration. */
    public static final int DEFAULT_PATCHMATCH_ITERATIONS = 4;
    /** Default weight of the patch fill's low band (see {@link Builder#lowBandWeight}). */
    public static final double DEFAULT_LOW_BAND_WEIGHT = 0.3;
    /** Default gain of the patch fill's high band (see {@link Builder#highBandGain}). */
    public static final double DEFAULT_HIGH_BAND_GAIN = 1.5;

    private final int patchSize;
    private final int minLevelSize;
    private final int maxLevels;
    private final int emIterations;
    private final int patchMatchIterations;
    private final boolean weightedVoting;
    private final double sourceDistanceWeight;
    private final boolean sharpFill;
    private final boolean blendSeams;
    private final double lowBandWeight;
    private final double highBandGain;
    private final boolean structureFill;
    private final long seed;
    private final int parallelism;

    private PatchMatchInpainter(Builder b) {
        this.patchSize = b.patchSize;
        this.minLevelSize = b.minLevelSize;
        this.maxLevels = b.maxLevels;
        this.emIterations = b.emIterations;
        this.patchMatchIterations = b.patchMatchIterations;
        this.weightedVoting = b.weightedVoting;
        this.sourceDistanceWeight = b.sourceDistanceWeight;
        this.sharpFill = b.sharpFill;
        this.blendSeams = b.blendSeams;
        this.lowBandWeight = b.lowBandWeight;
        this.highBandGain = b.highBandGain;
        this.structureFill = b.structureFill;
        this.seed = b.seed;
        this.parallelism = b.parallelism;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this inpainter's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.patchSize = patchSize;
        b.minLevelSize = minLevelSize;
        b.maxLevels = maxLevels;
        b.emIterations = emIterations;
        b.patchMatchIterations = patchMatchIterations;
        b.weightedVoting = weightedVoting;
        b.sourceDistanceWeight = sourceDistanceWeight;
        b.sharpFill = sharpFill;
        b.blendSeams = blendSeams;
        b.lowBandWeight = lowBandWeight;
        b.highBandGain = highBandGain;
        b.structureFill = structureFill;
        b.seed = seed;
        b.parallelism = parallelism;
        return b;
    }

    /**
     * Fills the hole of {@code image} marked by {@code mask} (value at least 0.5 = hole).
     *
     * @return a new image; pixels outside the hole are identical to {@code image}'s, and an empty
     *     hole returns {@code image} itself
     * @throws InvalidInputException when either argument is null, the sizes differ, or the hole
     *     covers the whole image (there is nothing to copy from)
     */
    public RgbImage inpaint(RgbImage image, Mask mask) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask);
        mask.requireSameSize(image);
        int w = image.width();
        int h = image.height();
        boolean[] hole = new boolean[w * h];
        int holes = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask.get(x, y) >= 0.5f) {
                    hole[y * w + x] = true;
                    holes++;
                }
            }
        }
        if (holes == 0) {
            return image;
        }
        if (holes == hole.length) {
            throw new InvalidInputException("mask must leave at least one known pixel (value below 0.5) to copy from, "
                    + "but it covers all " + w + "x" + h + " pixels");
        }
        byte[] bytes = image.toRgbBytes();
        float[] rgb = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            rgb[i] = bytes[i] & 0xff;
        }
        Level finest = new Level(w, h, rgb, hole);
        boolean twoBand = lowBandWeight != 1 || highBandGain != 1;
        MembraneFill.Cascade cascade = twoBand ? MembraneFill.cascade(finest) : null;
        float[] membrane = twoBand ? cascade.membrane() : null;
        if (twoBand && structureFill) {
            membrane = StructureFill.fill(finest, membrane, cascade.coarser());
        }
        if (lowBandWeight == 0 && highBandGain == 0) {
            System.arraycopy(membrane, 0, rgb, 0, rgb.length);
        } else {
            float[] matchCost = solvePatches(finest);
            if (twoBand) {
                TwoBand.apply(finest, membrane, lowBandWeight, highBandGain, matchCost);
            }
        }
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                for (int c = 0; c < 3; c++) {
                    bytes[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(rgb[3 * i + c])));
                }
            }
        }
        return RgbImage.of(w, h, bytes);
    }

    /** Runs the patch fill in place; returns the per-pixel match cost of the finest level. */
    private float[] solvePatches(Level finest) {
        ForkJoinPool pool = parallelism > 1 ? new ForkJoinPool(parallelism) : null;
        try {
            PatchMatchSolver solver = new PatchMatchSolver(new Settings(patchSize, minLevelSize, maxLevels, emIterations,
                    patchMatchIterations, weightedVoting, sourceDistanceWeight, sharpFill, blendSeams, seed), new Bands(pool));
            solver.solve(finest);
            return solver.matchCost();
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** Patch side length in pixels (odd). */
    public int patchSize() {
        return patchSize;
    }

    /** The seed that makes results reproducible. */
    public long seed() {
        return seed;
    }

    /** Number of threads used per call; 1 means the calling thread only. */
    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "PatchMatchInpainter[patchSize=" + patchSize + ", minLevelSize=" + minLevelSize + ", maxLevels="
                + maxLevels + ", emIterations=" + emIterations + ", patchMatchIterations=" + patchMatchIterations
                + ", weightedVoting=" + weightedVoting + ", sourceDistanceWeight=" + sourceDistanceWeight
                + ", sharpFill=" + sharpFill + ", blendSeams=" + blendSeams + ", lowBandWeight=" + lowBandWeight
                + ", highBandGain=" + highBandGain + ", structureFill=" + structureFill + ", seed=" + seed
                + ", parallelism=" + parallelism + "]";
    }

    /**
     * Settings for a {@link PatchMatchInpainter}; every setter validates its argument and throws
     * {@link InvalidInputException} when it is out of range.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private int patchSize = DEFAULT_PATCH_SIZE;
        private int minLevelSize = DEFAULT_MIN_LEVEL_SIZE;
        private int maxLevels = DEFAULT_MAX_LEVELS;
        private int emIterations = DEFAULT_EM_ITERATIONS;
        private int patchMatchIterations = DEFAULT_PATCHMATCH_ITERATIONS;
        private boolean weightedVoting = false;
        private double sourceDistanceWeight = DEFAULT_SOURCE_DISTANCE_WEIGHT;
        private boolean sharpFill = true;
        private boolean blendSeams = true;
        private double lowBandWeight = DEFAULT_LOW_BAND_WEIGHT;
        private double highBandGain = DEFAULT_HIGH_BAND_GAIN;
        private boolean structureFill = true;
        private long seed;
        private int parallelism = 1;

        private Builder() {}

        /**
         * Patch side length, odd, 1 to 31 (default 7). Where the image has no fully known patch of
         * this size (tiny images, huge holes) smaller patches are used.
         */
        public Builder patchSize(int size) {
            Checks.inRange("patchSize", size, 1, 31);
            if (size % 2 == 0) {
                throw new InvalidInputException("patchSize must be odd, was " + size);
            }
            this.patchSize = size;
            return this;
        }

        /**
         * Smallest side of a pyramid level, 4 to 4096, or 0 for automatic (the default: an eighth of
         * the shorter image side, clamped to [8, 64]): levels are halved until the next one would be
         * smaller than this, or would contain no fully known patch.
         */
        public Builder minLevelSize(int size) {
            if (size != 0) {
                Checks.inRange("minLevelSize", size, 4, 4096);
            }
            this.minLevelSize = size;
            return this;
        }

        /** Largest number of pyramid levels including the full-size one, 1 to 16 (default 8). */
        public Builder maxLevels(int levels) {
            this.maxLevels = Checks.inRange("maxLevels", levels, 1, 16);
            return this;
        }

        /** EM iterations (search, then vote) per pyramid level, 1 to 100 (default 8). */
        public Builder emIterations(int iterations) {
            this.emIterations = Checks.inRange("emIterations", iterations, 1, 100);
            return this;
        }

        /** PatchMatch sweeps (propagation + random search) per EM iteration, 1 to 100 (default 4). */
        public Builder patchMatchIterations(int iterations) {
            this.patchMatchIterations = Checks.inRange("patchMatchIterations", iterations, 1, 100);
            return this;
        }

        /**
         * Whether votes are weighted by patch similarity, {@code exp(-d / (2 sigma^2))} with
         * {@code sigma^2} the 75th percentile of the mean squared patch differences, or all weigh
         * the same (default false: uniform voting scored higher masked PSNR and SSIM on the
         * photographs of the evaluation in BENCHMARKS.md).
         */
        public Builder weightedVoting(boolean weighted) {
            this.weightedVoting = weighted;
            return this;
        }

        /**
         * Preference for nearby sources, 0 to 10000: the cost added to a match, per patch channel
         * value (8-bit scale, squared), for a source one image diagonal away from its target, growing
         * linearly with the distance (default {@value PatchMatchInpainter#DEFAULT_SOURCE_DISTANCE_WEIGHT};
         * 0 means no preference).
         */
        public Builder sourceDistanceWeight(double weight) {
            if (!(weight >= 0 && weight <= 10000)) {
                throw new InvalidInputException("sourceDistanceWeight must be between 0 and 10000, was " + weight);
            }
            this.sourceDistanceWeight = weight;
            return this;
        }

        /**
         * Whether the fill copies texture instead of averaging it (default true): each finer pyramid
         * level starts from the pixels its upsampled matches point to, and at the full size each hole
         * pixel takes the colour proposed by the single best-matching overlapping patch instead of
         * the mean of all proposals, which blurs. False gives the plain mean vote of Wexler et al.
         */
        public Builder sharpFill(boolean sharp) {
            this.sharpFill = sharp;
            return this;
        }

        /**
         * Whether a sharp fill is blended into the hole border in the gradient domain (default
         * true): colour steps at the border are spread smoothly over the hole. No effect without
         * {@link #sharpFill}.
         */
        public Builder blendSeams(boolean blend) {
            this.blendSeams = blend;
            return this;
        }

        /**
         * Weight of the patch fill's low band in the two-band fill, 0 to 1 (default
         * {@value PatchMatchInpainter#DEFAULT_LOW_BAND_WEIGHT}). The two-band fill starts from the
         * smooth membrane (harmonic) interpolation of the colours around the hole and adds the
         * patch fill's difference from it, split by a Gaussian blur of sigma 3 pixels: its low band
         * (edges and shading the patches continue) times this weight, its high band (texture) times
         * {@link #highBandGain}. Weight and gain 1 give the plain patch fill; both 0 give the
         * membrane fill alone and skip the patch search. The default takes the smooth part mostly
         * from the membrane, which predicts unseen content with less error than copied patches do.
         */
        public Builder lowBandWeight(double weight) {
            if (!(weight >= 0 && weight <= 1)) {
                throw new InvalidInputException("lowBandWeight must be between 0 and 1, was " + weight);
            }
            this.lowBandWeight = weight;
            return this;
        }

        /**
         * Gain of the patch fill's high band (texture) in the two-band fill, 0 to 2 (default
         * {@value PatchMatchInpainter#DEFAULT_HIGH_BAND_GAIN}; see {@link #lowBandWeight}). The voted
         * and seam-blended patch texture is weaker than the photo's own (about 0.6 of the gradient
         * around the hole on the photographs of BENCHMARKS.md), so the default amplifies it to about
         * the surrounding sharpness. Lower gains score a higher SSIM against the true content but look
         * smoother; gain 0 with weight 0.4 scored the highest SSIM there, as a smooth fill.
         */
        public Builder highBandGain(double gain) {
            if (!(gain >= 0 && gain <= 2)) {
                throw new InvalidInputException("highBandGain must be between 0 and 2, was " + gain);
            }
            this.highBandGain = gain;
            return this;
        }

        /**
         * Whether the smooth part of the two-band fill follows the edges that enter the hole
         * (default true): an anisotropic membrane that diffuses along the edges around the hole and
         * hardly across them, so a rim, horizon or table edge crossing the hole is continued instead
         * of blurred (see BENCHMARKS.md). False gives the plain (isotropic) membrane. No effect when
         * {@link #lowBandWeight} and {@link #highBandGain} are both 1 (the plain patch fill).
         */
        public Builder structureFill(boolean follow) {
            this.structureFill = follow;
            return this;
        }

        /** Seed of the random initialisation and search (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Threads per call, 1 to 256 (default 1: the calling thread only). Results do not depend on
         * this value.
         */
        public Builder parallelism(int threads) {
            this.parallelism = Checks.inRange("parallelism", threads, 1, 256);
            return this;
        }

        /** The inpainter with these settings. */
        public PatchMatchInpainter build() {
            return new PatchMatchInpainter(this);
        }
    }
}
