package dev.brushedit.reference;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.models.internal.RequestChecks;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link ReferenceInpainter} run should do: the reference image to imitate, whether to keep
 * the masked object's shape (MimicBrush's depth control), guidance, steps, seed, scheduler and the
 * large-image strategy.
 *
 * <p>The reference may have any size and aspect: like the source, it is centred on a white square
 * and resized to 512 x 512 (the CLIP prompt sees the same square at 224 x 224), so nothing is
 * cropped and a long thin reference becomes a band on white. Grey or transparent files are the
 * caller's business: an {@link RgbImage} is always three-channel (the CLI reads files with
 * {@code ImageFiles}, which replicates grey and drops alpha keeping the stored colours, as Pillow's
 * {@code convert("RGB")} in MimicBrush's demo does).
 *
 * <p>Thread-safety: immutable.
 */
public final class ReferenceRequest {
    private final RgbImage reference;
    private final boolean keepShape;
    private final double guidanceScale;
    private final int steps;
    private final Long seed;
    private final SchedulerType scheduler;
    private final LargeImageStrategy strategy;

    private ReferenceRequest(Builder b) {
        this.reference = b.reference;
        this.keepShape = b.keepShape;
        this.guidanceScale = b.guidanceScale;
        this.steps = b.steps;
        this.seed = b.seed;
        this.scheduler = b.scheduler;
        this.strategy = b.strategy;
    }

    /** A builder with MimicBrush's demo defaults (50 DDIM steps, guidance 5, shape not kept, whole image). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.reference = reference;
        b.keepShape = keepShape;
        b.guidanceScale = guidanceScale;
        b.steps = steps;
        b.seed = seed;
        b.scheduler = scheduler;
        b.strategy = strategy;
        return b;
    }

    /** The reference image, if set (a run without one is refused). */
    public Optional<RgbImage> reference() {
        return Optional.ofNullable(reference);
    }

    /** Whether the depth branch keeps the masked object's shape (texture transfer); needs {@code depth/}. */
    public boolean keepShape() {
        return keepShape;
    }

    /** The classifier-free guidance scale, above 1. */
    public double guidanceScale() {
        return guidanceScale;
    }

    /** Denoising steps. */
    public int steps() {
        return steps;
    }

    /** The seed, if fixed. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** The scheduler (MimicBrush uses DDIM). */
    public SchedulerType scheduler() {
        return scheduler;
    }

    /** How large images are handled: a crop around the mask, or (any other strategy) the whole image. */
    public LargeImageStrategy strategy() {
        return strategy;
    }

    @Override
    public String toString() {
        return "ReferenceRequest[reference=" + (reference == null ? "none" : reference.width() + "x" + reference.height())
                + ", keepShape=" + keepShape + ", guidance=" + guidanceScale + ", steps=" + steps + ", seed=" + seed
                + ", scheduler=" + scheduler + ", strategy=" + strategy + "]";
    }

    /**
     * Builds {@link ReferenceRequest}s; every setter validates its argument.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private RgbImage reference;
        private boolean keepShape;
        private double guidanceScale = 5.0;
        private int steps = 50;
        private Long seed;
        private SchedulerType scheduler = SchedulerType.DDIM;
        private LargeImageStrategy strategy = LargeImageStrategy.original();

        private Builder() {}

        /** The image whose content the hole should imitate (any size and aspect; see the class comment). */
        public Builder reference(RgbImage reference) {
            this.reference = Checks.notNull("reference", reference);
            return this;
        }

        /** Keep the masked object's shape through the depth branch (MimicBrush's texture transfer). */
        public Builder keepShape(boolean keepShape) {
            this.keepShape = keepShape;
            return this;
        }

        /**
         * The guidance scale, above 1 and at most 30: MimicBrush always runs the guided batch (its
         * unconditional half is what reads no reference), so it has no unguided mode.
         */
        public Builder guidanceScale(double guidanceScale) {
            Checks.finite("guidanceScale", guidanceScale);
            if (guidanceScale <= 1.0 || guidanceScale > 30.0) {
                throw new InvalidInputException("guidanceScale must be above 1 and at most 30 (MimicBrush always runs "
                        + "classifier-free guidance), was " + guidanceScale);
            }
            this.guidanceScale = guidanceScale;
            return this;
        }

        /** Denoising steps, 1 to 1000. */
        public Builder steps(int steps) {
            this.steps = RequestChecks.steps(steps);
            return this;
        }

        /** A fixed seed (same seed, same inputs: same result). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The scheduler (default DDIM, as MimicBrush). */
        public Builder scheduler(SchedulerType scheduler) {
            this.scheduler = Checks.notNull("scheduler", scheduler);
            return this;
        }

        /**
         * The large-image strategy: {@link LargeImageStrategy#crop} works on a square-padded crop of
         * {@code margin} pixels around the mask (its longest-side limit is moot: MimicBrush always
         * works at 512); any other strategy works on the whole image, as MimicBrush does.
         */
        public Builder strategy(LargeImageStrategy strategy) {
            this.strategy = Checks.notNull("strategy", strategy);
            return this;
        }

        /** The request. */
        public ReferenceRequest build() {
            return new ReferenceRequest(this);
        }
    }
}
