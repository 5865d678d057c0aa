package dev.brushedit.pix2pix;

import dev.brushedit.core.Checks;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.models.internal.RequestChecks;
import java.util.OptionalLong;

/**
 * Everything that controls one {@link InstructPix2Pix} edit besides the image. Build with
 * {@link #builder()}; every setter validates its value.
 *
 * <p>The two guidance scales are InstructPix2Pix's: the text guidance {@code s_T} pulls towards the
 * instruction, the image guidance {@code s_I} towards the input image. Classifier-free guidance
 * (batch 3) runs when {@code s_T > 1} and {@code s_I >= 1}, as in diffusers; otherwise the UNet runs
 * once per step on the instruction alone.
 *
 * <p>Thread-safety: immutable.
 */
public final class Pix2PixRequest {
    private final String instruction;
    private final String negativePrompt;
    private final int steps;
    private final double guidanceScale;
    private final double imageGuidanceScale;
    private final Long seed;
    private final SchedulerType scheduler;
    private final LargeImageStrategy strategy;

    private Pix2PixRequest(Builder b) {
        this.instruction = b.instruction;
        this.negativePrompt = b.negativePrompt;
        this.steps = b.steps;
        this.guidanceScale = b.guidanceScale;
        this.imageGuidanceScale = b.imageGuidanceScale;
        this.seed = b.seed;
        this.scheduler = b.scheduler;
        this.strategy = b.strategy;
    }

    /** A builder with the defaults listed on each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /** A request with {@code instruction} and every other option at its default. */
    public static Pix2PixRequest of(String instruction) {
        return builder().instruction(instruction).build();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instruction = instruction;
        b.negativePrompt = negativePrompt;
        b.steps = steps;
        b.guidanceScale = guidanceScale;
        b.imageGuidanceScale = imageGuidanceScale;
        b.seed = seed;
        b.scheduler = scheduler;
        b.strategy = strategy;
        return b;
    }

    /** The edit instruction, e.g. "make it winter" (the text prompt of the UNet). */
    public String instruction() {
        return instruction;
    }

    /** The negative prompt (the unconditional text of guidance). */
    public String negativePrompt() {
        return negativePrompt;
    }

    /** Inference steps. */
    public int steps() {
        return steps;
    }

    /** Text guidance scale {@code s_T}. */
    public double guidanceScale() {
        return guidanceScale;
    }

    /** Image guidance scale {@code s_I}. */
    public double imageGuidanceScale() {
        return imageGuidanceScale;
    }

    /** True when the request runs three-way classifier-free guidance (batch 3). */
    public boolean guided() {
        return guidanceScale > 1.0 && imageGuidanceScale >= 1.0;
    }

    /** The seed, when fixed. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** The scheduler. */
    public SchedulerType scheduler() {
        return scheduler;
    }

    /** How large images are processed (the whole image is always edited). */
    public LargeImageStrategy strategy() {
        return strategy;
    }

    @Override
    public String toString() {
        return "Pix2PixRequest[instruction=\"" + instruction + "\", negative=\"" + negativePrompt + "\", steps=" + steps
                + ", guidance=" + guidanceScale + ", imageGuidance=" + imageGuidanceScale + ", seed=" + seed + ", scheduler="
                + scheduler + ", strategy=" + strategy + "]";
    }

    /**
     * Builds {@link Pix2PixRequest}s.
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private String instruction = "";
        private String negativePrompt = "";
        private int steps = 20;
        private double guidanceScale = 7.5;
        private double imageGuidanceScale = 1.5;
        private Long seed;
        private SchedulerType scheduler = SchedulerType.EULER_ANCESTRAL;
        private LargeImageStrategy strategy = LargeImageStrategy.resize(768);

        private Builder() {}

        /** The instruction (default empty). */
        public Builder instruction(String instruction) {
            this.instruction = Checks.notNull("instruction", instruction);
            return this;
        }

        /** The negative prompt (default empty, as diffusers' pipeline). */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = Checks.notNull("negativePrompt", negativePrompt);
            return this;
        }

        /** Inference steps, 1 to 1000 (default 20). */
        public Builder steps(int steps) {
            this.steps = RequestChecks.steps(steps);
            return this;
        }

        /** Text guidance scale {@code s_T}, 0 to 50 (default 7.5). */
        public Builder guidanceScale(double guidanceScale) {
            this.guidanceScale = RequestChecks.guidanceScale("guidanceScale", guidanceScale);
            return this;
        }

        /** Image guidance scale {@code s_I}, 0 to 50 (default 1.5, InstructPix2Pix's). */
        public Builder imageGuidanceScale(double imageGuidanceScale) {
            this.imageGuidanceScale = RequestChecks.guidanceScale("imageGuidanceScale", imageGuidanceScale);
            return this;
        }

        /** A fixed seed for reproducible output (default: drawn by the editor and recorded). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The scheduler (default Euler ancestral, InstructPix2Pix's). */
        public Builder scheduler(SchedulerType scheduler) {
            this.scheduler = Checks.notNull("scheduler", scheduler);
            return this;
        }

        /**
         * Large-image strategy (default {@code resize(768)}). The edit covers the whole image, so a
         * crop strategy works on the whole image too, scaled to its longest side.
         */
        public Builder strategy(LargeImageStrategy strategy) {
            this.strategy = Checks.notNull("strategy", strategy);
            return this;
        }

        /** The request. */
        public Pix2PixRequest build() {
            return new Pix2PixRequest(this);
        }
    }
}
