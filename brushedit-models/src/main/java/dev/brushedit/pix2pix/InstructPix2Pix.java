package dev.brushedit.pix2pix;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.BlendOptions;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.Provenance;
import dev.brushedit.inpaint.internal.StageTimer;
import dev.brushedit.inpaint.internal.WorkImages;
import dev.brushedit.inpaint.internal.WorkRegion;
import dev.brushedit.inpaint.internal.WorkRegionPlanner;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelFolder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Edits a whole image as an instruction says ("make it winter", "turn it into a watercolor") with an
 * InstructPix2Pix-family checkpoint (timbrooks/instruct-pix2pix, or its fine-tune MagicBrush)
 * exported by {@code brushedit_export}: the 8-channel UNet sees the noisy latents joined with the
 * image's latents, and three-way classifier-free guidance weighs the instruction ({@code s_T})
 * against fidelity to the image ({@code s_I}). The pipeline is diffusers'
 * {@code StableDiffusionInstructPix2PixPipeline} (parity on tiny models: see the README).
 *
 * <pre>{@code
 * try (InstructPix2Pix ip2p = InstructPix2Pix.builder().checkpoint(Path.of("models/ip2p-fp16")).build()) {
 *     RgbImage winter = ip2p.edit(image, "make it winter").image();
 * }
 * }</pre>
 *
 * <p>The result is an {@link InpaintResult} whose mask covers the whole image and whose
 * {@link Provenance} records backend {@value #BACKEND}, the model hashes, the scheduler, the request
 * (instruction as prompt, text guidance as guidance scale) and, in its settings, the image guidance.
 *
 * <p>Thread-safety: safe for concurrent use (the sessions serialise their runs); results share no
 * mutable state.
 */
public final class InstructPix2Pix implements AutoCloseable {
    /** The backend name recorded in provenance. */
    public static final String BACKEND = "instruct-pix2pix";

    private final Pix2PixPipeline pipeline;
    private final Pix2PixRequest defaults;
    private final InputLimits limits;
    private final Clock clock;
    private final LongSupplier seeds;

    private InstructPix2Pix(Pix2PixPipeline pipeline, Builder b) {
        this.pipeline = pipeline;
        this.defaults = b.defaults;
        this.limits = b.limits;
        this.clock = b.clock;
        this.seeds = b.seeds;
    }

    /** A builder; a checkpoint is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The request defaults that {@link #edit(RgbImage, String)} starts from. */
    public Pix2PixRequest defaults() {
        return defaults;
    }

    /** Edits {@code image} with the default request and {@code instruction}. */
    public InpaintResult edit(RgbImage image, String instruction) {
        Checks.notBlank("instruction", instruction);
        return edit(image, defaults.toBuilder().instruction(instruction).build());
    }

    /** Edits {@code image} as {@code request} says. */
    public InpaintResult edit(RgbImage image, Pix2PixRequest request) {
        return edit(image, request, ProgressListener.NONE, null);
    }

    /**
     * Edits {@code image} as {@code request} says, reporting every step to {@code listener} and
     * stopping with a {@link dev.brushedit.core.CancelledException} at the next step once
     * {@code cancel} (nullable) is cancelled.
     */
    public InpaintResult edit(RgbImage image, Pix2PixRequest request, ProgressListener listener, CancellationToken cancel) {
        return run(image, request, null, null, BACKEND, Map.of(), Map.of(), listener, cancel).result();
    }

    /** A run's result and the work region it used (for maps computed at work size). */
    record Ran(InpaintResult result, WorkRegion region) {
    }

    /**
     * The edit, plain or fused ({@code fusion} not null), recorded as {@code backend} with
     * {@code extraHashes} and {@code extraSettings} added to the provenance.
     */
    Ran run(RgbImage image, Pix2PixRequest request, Pix2PixPipeline.Fusion fusion, AttentionRecord attention, String backend,
            Map<String, String> extraHashes, Map<String, String> extraSettings, ProgressListener listener, CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("request", request);
        Checks.notNull("listener", listener);
        Checks.notBlank("instruction", request.instruction());
        limits.check(image, "image");
        long seed = request.seed().orElseGet(seeds);
        Pix2PixRequest used = request.toBuilder().seed(seed).build();
        StageTimer timer = new StageTimer();
        WorkRegion region = WorkRegionPlanner.whole(image.width(), image.height(), longestSide(used.strategy()), 64);
        RgbImage work = timer.time("prepare", () -> WorkImages.toWork(image, region));
        RgbImage edited = ImageTensors.toImage(pipeline.generateDecoded(work, used, seed, fusion, attention, listener, cancel, timer));
        RgbImage out = timer.time("blend", () -> WorkImages.paste(image, WorkImages.fromWork(edited, region), region));
        Map<String, String> hashes = new LinkedHashMap<>(pipeline.modelHashes());
        hashes.putAll(extraHashes);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("imageGuidanceScale", Double.toString(used.imageGuidanceScale()));
        settings.putAll(extraSettings);
        return new Ran(new InpaintResult(List.of(out), Mask.full(image.width(), image.height()),
                provenance(backend, hashes, settings, used, region, timer)), region);
    }

    /** The whole image is edited, so a crop strategy works on the whole image at its longest side. */
    private static int longestSide(LargeImageStrategy strategy) {
        if (strategy instanceof LargeImageStrategy.Resize r) {
            return r.longestSide();
        }
        if (strategy instanceof LargeImageStrategy.Crop c) {
            return c.longestSide();
        }
        return Integer.MAX_VALUE;
    }

    private Provenance provenance(String backend, Map<String, String> hashes, Map<String, String> settings, Pix2PixRequest used,
            WorkRegion region, StageTimer timer) {
        InpaintRequest recorded = InpaintRequest.builder().prompt(used.instruction()).negativePrompt(used.negativePrompt())
                .steps(used.steps()).guidanceScale(used.guidanceScale()).seed(used.seed().orElseThrow())
                .scheduler(used.scheduler()).strategy(used.strategy()).blend(BlendOptions.HARD).build();
        Box s = region.source();
        String where = "whole image " + s.width() + "x" + s.height() + " at " + region.width() + "x" + region.height()
                + (region.padded() ? " padded to " + region.paddedWidth() + "x" + region.paddedHeight() : "");
        return new Provenance(backend, hashes, used.scheduler().diffusersName(), pipeline.schedulerConfigJson(), recorded, where,
                timer.stages(), clock.instant(), settings);
    }

    /** Package-private for the parity test: the float image before quantisation, at work size. */
    Pix2PixPipeline pipeline() {
        return pipeline;
    }

    /** Closes the model sessions. */
    @Override
    public void close() {
        pipeline.close();
    }

    /**
     * Builds {@link InstructPix2Pix} editors; {@link #build()} opens the checkpoint and refuses a
     * folder that is not an InstructPix2Pix-family export before any work.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Path checkpoint;
        private ExecutionOptions executionOptions = ExecutionOptions.defaults();
        private Pix2PixRequest defaults = Pix2PixRequest.builder().build();
        private InputLimits limits = InputLimits.defaults();
        private Clock clock = Clock.systemUTC();
        private LongSupplier seeds = new SecureRandom()::nextLong;

        private Builder() {}

        /** The InstructPix2Pix or MagicBrush folder in our ONNX layout (8-channel UNet). */
        public Builder checkpoint(Path checkpoint) {
            this.checkpoint = Checks.notNull("checkpoint", checkpoint);
            return this;
        }

        /** ONNX Runtime execution options (provider, threads, optimisation). */
        public Builder executionOptions(ExecutionOptions options) {
            this.executionOptions = Checks.notNull("executionOptions", options);
            return this;
        }

        /** The request defaults used by {@link InstructPix2Pix#edit(RgbImage, String)}. */
        public Builder defaults(Pix2PixRequest defaults) {
            this.defaults = Checks.notNull("defaults", defaults);
            return this;
        }

        /** Input limits (default {@link InputLimits#defaults()}). */
        public Builder limits(InputLimits limits) {
            this.limits = Checks.notNull("limits", limits);
            return this;
        }

        /** The clock stamped into provenance (inject a fixed clock in tests). */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /** Where seeds come from when a request has none (default a SecureRandom). */
        public Builder seeds(LongSupplier seeds) {
            this.seeds = Checks.notNull("seeds", seeds);
            return this;
        }

        /**
         * Opens the models and returns the editor.
         *
         * @throws dev.brushedit.core.InvalidInputException without a checkpoint
         * @throws dev.brushedit.core.ModelException when the folder is not an InstructPix2Pix-family
         *     export (e.g. its UNet does not have 8 input channels)
         */
        public InstructPix2Pix build() {
            if (checkpoint == null) {
                throw new dev.brushedit.core.InvalidInputException("InstructPix2Pix needs a checkpoint folder; call checkpoint(path)");
            }
            ModelFolder folder = ModelFolder.open(checkpoint, executionOptions);
            try {
                return new InstructPix2Pix(new Pix2PixPipeline(folder), this);
            } catch (RuntimeException e) {
                folder.close();
                throw e;
            }
        }
    }
}
