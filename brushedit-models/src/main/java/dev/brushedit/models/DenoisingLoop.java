package dev.brushedit.models;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.RequestChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The plain Stable Diffusion denoising loop with classifier-free guidance, as diffusers'
 * {@code StableDiffusionPipeline} (4-channel UNet) and {@code StableDiffusionInpaintPipeline}
 * (9-channel UNet) run it: start from {@code randn * initNoiseSigma}, and at each timestep predict the
 * noise for the batch {@code [negative, positive]}, combine {@code uncond + scale * (cond - uncond)}
 * and step the scheduler. A guidance scale of at most 1 runs the positive prompt alone (batch 1).
 *
 * <pre>{@code
 * DenoisingLoop loop = DenoisingLoop.builder().steps(25).guidanceScale(7.5).latentSize(64, 64).build();
 * Tensor latents = loop.run(unet, scheduler, cond, uncond, random);
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #run} is safe to call concurrently with distinct schedulers and
 * random sources.
 */
public final class DenoisingLoop {
    private final int steps;
    private final double guidanceScale;
    private final int latentHeight;
    private final int latentWidth;
    private final BooleanSupplier cancelled;

    private DenoisingLoop(Builder b) {
        this.steps = b.steps;
        this.guidanceScale = b.guidanceScale;
        this.latentHeight = b.latentHeight;
        this.latentWidth = b.latentWidth;
        this.cancelled = b.cancelled;
    }

    /** 25 steps, guidance 7.5, 64x64 latents (512x512 pixels), never cancelled. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this loop's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.steps = steps;
        b.guidanceScale = guidanceScale;
        b.latentHeight = latentHeight;
        b.latentWidth = latentWidth;
        b.cancelled = cancelled;
        return b;
    }

    /** Inference steps. */
    public int steps() {
        return steps;
    }

    /** Classifier-free guidance scale. */
    public double guidanceScale() {
        return guidanceScale;
    }

    /**
     * Text-to-image latents {@code [1, 4, h, w]} with a 4-channel UNet. {@code cond} and {@code uncond}
     * are {@code [1, tokens, d]} prompt embeddings of equal shape ({@code uncond} is ignored, and may be
     * null, when the guidance scale is at most 1).
     */
    public Tensor run(Unet unet, Scheduler scheduler, Tensor cond, Tensor uncond, RandomSource random) {
        Checks.notNull("unet", unet);
        if (unet.inChannels() != 4) {
            throw new InvalidInputException("run needs a 4-channel UNet, the UNet has " + unet.inChannels()
                    + " channels; use runInpainting for the SD inpainting UNet");
        }
        return loop(unet, scheduler, cond, uncond, random, null, null);
    }

    /**
     * Inpainting latents {@code [1, 4, h, w]} with the 9-channel SD inpainting UNet. {@code mask} is
     * {@code [1, 1, h, w]} at latent size, 1 = hole; {@code maskedImageLatents} are the scaled VAE latents
     * {@code [1, 4, h, w]} of the image with the hole set to 0 (gray) after normalisation.
     */
    public Tensor runInpainting(Unet unet, Scheduler scheduler, Tensor cond, Tensor uncond, Tensor mask,
            Tensor maskedImageLatents, RandomSource random) {
        Checks.notNull("unet", unet);
        if (!unet.isInpainting()) {
            throw new InvalidInputException("runInpainting needs the 9-channel inpainting UNet, the UNet has "
                    + unet.inChannels() + " channels");
        }
        requireShape("mask", mask, 1, 1, latentHeight, latentWidth);
        requireShape("maskedImageLatents", maskedImageLatents, 1, 4, latentHeight, latentWidth);
        return loop(unet, scheduler, cond, uncond, random, mask, maskedImageLatents);
    }

    private Tensor loop(Unet unet, Scheduler scheduler, Tensor cond, Tensor uncond, RandomSource random, Tensor mask,
            Tensor maskedLatents) {
        Checks.notNull("scheduler", scheduler);
        Checks.notNull("random", random);
        Checks.notNull("cond", cond);
        boolean guided = guidanceScale > 1.0;
        if (cond.rank() != 3 || cond.dim(0) != 1) {
            throw new InvalidInputException("cond must have shape [1, tokens, d], was " + Arrays.toString(cond.shape()));
        }
        Tensor context = cond;
        if (guided) {
            Checks.notNull("uncond", uncond);
            if (!uncond.hasShape(cond.shape())) {
                throw new InvalidInputException("uncond must have the shape of cond " + Arrays.toString(cond.shape())
                        + ", was " + Arrays.toString(uncond.shape()) + "; pad the negative prompt to the same window count");
            }
            context = Tensor.concat(0, uncond, cond);
        }
        scheduler.setTimesteps(steps);
        Tensor x = random.randn(1, 4, latentHeight, latentWidth).scaleInPlace(scheduler.initNoiseSigma());
        Tensor ctx = context;
        NoisePredictor predictor = (in, t, index, count) -> unet.predict(mask == null ? in : Unet.inpaintingInput(in, mask, maskedLatents),
                t, ctx, Map.of(), "step " + (index + 1) + " (t=" + t + ")");
        StepObserver observer = new StepObserver() {
            @Override
            public void beforeStep(int index, int count) {
                if (cancelled.getAsBoolean()) {
                    throw new CancelledException("denoising cancelled before step " + (index + 1) + " of " + count);
                }
            }
        };
        return sample(scheduler, x, guidanceScale, predictor, random, observer);
    }

    /**
     * The guided sampling loop shared by every pipeline: for each of the scheduler's timesteps (set
     * beforehand), the model input is the latents (twice, {@code [uncond; cond]}, when
     * {@code guidanceScale > 1}) scaled by the scheduler; the prediction is combined as diffusers does,
     * {@code uncond + scale * (cond - uncond)}; the scheduler steps. Returns the final latents.
     *
     * @param scheduler a scheduler whose timesteps are set
     * @param latents the starting latents {@code [1, 4, h, w]} (noise times the initial sigma, or noised
     *     image latents for a strength start)
     * @param guidanceScale classifier-free guidance scale; at most 1 runs batch 1
     * @param predictor the model: noise for the model input at a timestep
     * @param random the noise source of stochastic schedulers
     * @param observer called around each step (before: may throw to cancel; after: progress)
     */
    public static Tensor sample(Scheduler scheduler, Tensor latents, double guidanceScale, NoisePredictor predictor,
            RandomSource random, StepObserver observer) {
        Checks.notNull("scheduler", scheduler);
        Checks.notNull("latents", latents);
        Checks.notNull("predictor", predictor);
        Checks.notNull("observer", observer);
        boolean guided = guidanceScale > 1.0;
        float g = (float) guidanceScale;
        float[] timesteps = scheduler.timesteps();
        Tensor x = latents;
        for (int i = 0; i < timesteps.length; i++) {
            observer.beforeStep(i, timesteps.length);
            float t = timesteps[i];
            Tensor in = scheduler.scaleModelInput(guided ? Tensor.concat(0, x, x) : x, t);
            Tensor eps = predictor.predict(in, t, i, timesteps.length);
            x = scheduler.step(guided ? guide(eps, g) : eps, t, x, random);
            observer.afterStep(i, timesteps.length, x);
        }
        return x;
    }

    /** Classifier-free guidance on a {@code [uncond; cond]} batch: {@code u + g * (c - u)}, as diffusers computes it. */
    public static Tensor guide(Tensor eps, float g) {
        List<Tensor> halves = eps.split(0, 1, 1);
        Tensor u = halves.get(0);
        Tensor c = halves.get(1);
        for (int i = 0; i < u.size(); i++) {
            float ui = u.getFlat(i);
            u.setFlat(i, ui + g * (c.getFlat(i) - ui));
        }
        return u;
    }

    /**
     * The model inside {@link #sample}: the noise prediction for a (guidance-batched, scheduler-scaled)
     * model input.
     *
     * <p>Thread-safety: called from the sampling thread only.
     */
    @FunctionalInterface
    public interface NoisePredictor {
        /** Noise prediction of the input's shape for timestep {@code timestep}, step {@code index} of {@code count}. */
        Tensor predict(Tensor modelInput, float timestep, int index, int count);
    }

    /**
     * Hooks around each step of {@link #sample}.
     *
     * <p>Thread-safety: called from the sampling thread only.
     */
    public interface StepObserver {
        /** No hooks. */
        StepObserver NONE = new StepObserver() { };

        /** Before step {@code index} of {@code count}; throw (e.g. {@link CancelledException}) to stop. */
        default void beforeStep(int index, int count) {
        }

        /** After step {@code index} of {@code count}, with the new latents. */
        default void afterStep(int index, int count, Tensor latents) {
        }
    }

    private static void requireShape(String name, Tensor t, int... shape) {
        Checks.notNull(name, t);
        if (!t.hasShape(shape)) {
            throw new InvalidInputException(name + " must have shape " + Arrays.toString(shape) + ", was "
                    + Arrays.toString(t.shape()));
        }
    }

    /**
     * Builds a {@link DenoisingLoop}; setters validate and throw
     * {@link dev.brushedit.core.InvalidInputException}.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int steps = 25;
        private double guidanceScale = 7.5;
        private int latentHeight = 64;
        private int latentWidth = 64;
        private BooleanSupplier cancelled = () -> false;

        private Builder() {}

        /** Inference steps, 1 to 1000. */
        public Builder steps(int steps) {
            this.steps = RequestChecks.steps(steps);
            return this;
        }

        /** Guidance scale, 0 to 50; at most 1 disables classifier-free guidance. */
        public Builder guidanceScale(double scale) {
            this.guidanceScale = RequestChecks.guidanceScale("guidanceScale", scale);
            return this;
        }

        /** Latent height and width (image size / 8), each 1 to 1024. */
        public Builder latentSize(int height, int width) {
            this.latentHeight = Checks.inRange("latent height", height, 1, 1024);
            this.latentWidth = Checks.inRange("latent width", width, 1, 1024);
            return this;
        }

        /** Polled before each step; when it returns true the loop throws {@link CancelledException}. */
        public Builder cancellation(BooleanSupplier cancelled) {
            this.cancelled = Checks.notNull("cancellation", cancelled);
            return this;
        }

        /** The loop. */
        public DenoisingLoop build() {
            return new DenoisingLoop(this);
        }
    }
}
