package dev.brushedit.inpaint;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.scheduler.SchedulerOverrides;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.models.internal.RequestChecks;
import dev.brushedit.models.text.PromptSyntax;
import java.util.OptionalLong;

/**
 * Everything that controls one inpainting call besides the image and mask. Build with
 * {@link #builder()}; every setter validates its value, and {@link Builder#build()} rejects
 * conflicting options.
 *
 * <p>Thread-safety: immutable.
 */
public final class InpaintRequest {
    private final String prompt;
    private final String negativePrompt;
    private final int steps;
    private final double guidanceScale;
    private final double preservationScale;
    private final double brushnetStart;
    private final double brushnetEnd;
    private final double strength;
    private final Long seed;
    private final SchedulerType scheduler;
    private final int numOutputs;
    private final BlendOptions blend;
    private final LargeImageStrategy strategy;
    private final PromptSyntax promptSyntax;
    private final SchedulerOverrides schedulerOptions;

    private InpaintRequest(Builder b) {
        this.prompt = b.prompt;
        this.negativePrompt = b.negativePrompt;
        this.steps = b.steps;
        this.guidanceScale = b.guidanceScale;
        this.preservationScale = b.preservationScale;
        this.brushnetStart = b.brushnetStart;
        this.brushnetEnd = b.brushnetEnd;
        this.strength = b.strength;
        this.seed = b.seed;
        this.scheduler = b.scheduler;
        this.numOutputs = b.numOutputs;
        this.blend = b.blend;
        this.strategy = b.strategy;
        this.promptSyntax = b.promptSyntax;
        this.schedulerOptions = b.schedulerOptions;
    }

    /** A builder with the defaults listed on each setter. */
    public static Builder builder() {
        return new Builder();
    }

    /** A request with {@code prompt} and every other option at its default. */
    public static InpaintRequest of(String prompt) {
        return builder().prompt(prompt).build();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prompt = prompt;
        b.negativePrompt = negativePrompt;
        b.steps = steps;
        b.guidanceScale = guidanceScale;
        b.preservationScale = preservationScale;
        b.brushnetStart = brushnetStart;
        b.brushnetEnd = brushnetEnd;
        b.strength = strength;
        b.seed = seed;
        b.scheduler = scheduler;
        b.numOutputs = numOutputs;
        b.blend = blend;
        b.strategy = strategy;
        b.promptSyntax = promptSyntax;
        b.schedulerOptions = schedulerOptions;
        return b;
    }

    /** What the inpainted region should show. */
    public String prompt() {
        return prompt;
    }

    /** What it should not show. */
    public String negativePrompt() {
        return negativePrompt;
    }

    /** Number of denoising steps. */
    public int steps() {
        return steps;
    }

    /** Classifier-free guidance scale; 1 or less disables guidance (a batch of 1). */
    public double guidanceScale() {
        return guidanceScale;
    }

    /** BrushNet conditioning scale: how strongly the unmasked content is preserved. */
    public double preservationScale() {
        return preservationScale;
    }

    /** Fraction of the steps after which the BrushNet branch starts contributing. */
    public double brushnetStart() {
        return brushnetStart;
    }

    /** Fraction of the steps after which the BrushNet branch stops contributing. */
    public double brushnetEnd() {
        return brushnetEnd;
    }

    /** Denoising strength in (0, 1]; 1 starts from pure noise. */
    public double strength() {
        return strength;
    }

    /** The seed, when the caller fixed one; otherwise the inpainter draws one and records it. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** The scheduler. */
    public SchedulerType scheduler() {
        return scheduler;
    }

    /** Number of images to generate. */
    public int numOutputs() {
        return numOutputs;
    }

    /** How generated pixels are pasted back. */
    public BlendOptions blend() {
        return blend;
    }

    /** How large images are handled. */
    public LargeImageStrategy strategy() {
        return strategy;
    }

    /** How the prompts are tokenized: A1111 weighting and windows (default) or plain diffusers-style text. */
    public PromptSyntax promptSyntax() {
        return promptSyntax;
    }

    /** Per-request changes to the checkpoint's scheduler configuration (empty by default). */
    public SchedulerOverrides schedulerOptions() {
        return schedulerOptions;
    }

    @Override
    public String toString() {
        return "InpaintRequest[prompt=\"" + prompt + "\", negative=\"" + negativePrompt + "\", steps=" + steps
                + ", guidance=" + guidanceScale + ", preservation=" + preservationScale + ", brushnet=[" + brushnetStart
                + ", " + brushnetEnd + "], strength=" + strength + ", seed=" + seed + ", scheduler=" + scheduler
                + ", outputs=" + numOutputs + ", blend=" + blend + ", strategy=" + strategy + ", syntax=" + promptSyntax
                + (schedulerOptions.isEmpty() ? "" : ", schedulerOptions=" + schedulerOptions) + "]";
    }

    /**
     * Builds {@link InpaintRequest}s.
     *
     * <p>Thread-safety: not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private String prompt = "";
        private String negativePrompt = "";
        private int steps = 50;
        private double guidanceScale = 7.5;
        private double preservationScale = 1.0;
        private double brushnetStart = 0.0;
        private double brushnetEnd = 1.0;
        private double strength = 1.0;
        private Long seed;
        private SchedulerType scheduler = SchedulerType.UNIPC;
        private int numOutputs = 1;
        private BlendOptions blend = BlendOptions.DEFAULT;
        private LargeImageStrategy strategy = LargeImageStrategy.crop(128, 768);
        private PromptSyntax promptSyntax = PromptSyntax.A1111;
        private SchedulerOverrides schedulerOptions = SchedulerOverrides.NONE;

        private Builder() {}

        /** The prompt (default empty). */
        public Builder prompt(String prompt) {
            this.prompt = Checks.notNull("prompt", prompt);
            return this;
        }

        /** The negative prompt (default empty). */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = Checks.notNull("negativePrompt", negativePrompt);
            return this;
        }

        /** Denoising steps, 1 to 1000 (default 50). */
        public Builder steps(int steps) {
            this.steps = RequestChecks.steps(steps);
            return this;
        }

        /** Guidance scale, 0 to 50 (default 7.5). */
        public Builder guidanceScale(double guidanceScale) {
            this.guidanceScale = RequestChecks.guidanceScale("guidanceScale", guidanceScale);
            return this;
        }

        /** Preservation (BrushNet conditioning) scale, 0 to 2 (default 1.0). */
        public Builder preservationScale(double preservationScale) {
            this.preservationScale = Checks.inRange("preservationScale", preservationScale, 0.0, 2.0);
            return this;
        }

        /** The BrushNet window as step fractions, {@code 0 <= start < end <= 1} (default 0 to 1). */
        public Builder brushnetWindow(double start, double end) {
            Checks.inRange("brushnetStart", start, 0.0, 1.0);
            Checks.inRange("brushnetEnd", end, 0.0, 1.0);
            if (start >= end) {
                throw new InvalidInputException("brushnetStart must be less than brushnetEnd, was " + start + " >= " + end);
            }
            this.brushnetStart = start;
            this.brushnetEnd = end;
            return this;
        }

        /** Denoising strength in (0, 1] (default 1). */
        public Builder strength(double strength) {
            if (!(strength > 0.0 && strength <= 1.0)) {
                throw new InvalidInputException("strength must be in (0, 1], was " + strength);
            }
            this.strength = strength;
            return this;
        }

        /** A fixed seed for reproducible output (default: drawn by the inpainter and recorded). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The scheduler (default UniPC, as BrushNet's examples use). */
        public Builder scheduler(SchedulerType scheduler) {
            this.scheduler = Checks.notNull("scheduler", scheduler);
            return this;
        }

        /** Number of outputs, 1 to 16 (default 1). */
        public Builder numOutputs(int numOutputs) {
            this.numOutputs = Checks.inRange("numOutputs", numOutputs, 1, 16);
            return this;
        }

        /** Blend options (default {@link BlendOptions#DEFAULT}). */
        public Builder blend(BlendOptions blend) {
            this.blend = Checks.notNull("blend", blend);
            return this;
        }

        /** Large-image strategy (default crop with a 128 px margin at up to 768 px). */
        public Builder strategy(LargeImageStrategy strategy) {
            this.strategy = Checks.notNull("strategy", strategy);
            return this;
        }

        /**
         * How prompts are tokenized (default {@link PromptSyntax#A1111}: weighting syntax and 75-token
         * windows); {@link PromptSyntax#PLAIN} takes the text literally and cuts it at 77 tokens, as diffusers does.
         */
        public Builder promptSyntax(PromptSyntax syntax) {
            this.promptSyntax = Checks.notNull("promptSyntax", syntax);
            return this;
        }

        /**
         * Changes to the checkpoint's {@code scheduler_config.json} for this request (they win over the
         * folder's values; provenance records the effective configuration). Default none.
         */
        public Builder schedulerOptions(SchedulerOverrides options) {
            this.schedulerOptions = Checks.notNull("schedulerOptions", options);
            return this;
        }

        /**
         * Sets one scheduler option by its diffusers key, e.g. {@code ("use_karras_sigmas", "true")},
         * {@code ("final_sigmas_type", "zero")}, {@code ("timestep_spacing", "trailing")}.
         *
         * @throws dev.brushedit.core.InvalidInputException naming the key when it is unknown, not
         *     implemented, or its value does not fit
         */
        public Builder schedulerOption(String key, String value) {
            this.schedulerOptions = schedulerOptions.with(key, value);
            return this;
        }

        /** The request. */
        public InpaintRequest build() {
            return new InpaintRequest(this);
        }
    }
}
