package dev.brushedit.reference;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
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
 * Fills a masked region by imitating a reference image (a texture, a logo, an object part), with no
 * text, using a MimicBrush checkpoint (ali-vilab/MimicBrush) exported by {@code brushedit_export}.
 *
 * <pre>{@code
 * try (ReferenceInpainter mimic = ReferenceInpainter.builder().checkpoint(Path.of("models/mimicbrush")).build()) {
 *     RgbImage out = mimic.inpaint(image, mask, ReferenceRequest.builder().reference(logo).seed(7).build()).image();
 * }
 * }</pre>
 *
 * <p>A dedicated type rather than another {@link dev.brushedit.inpaint.Inpainter} backend: its
 * request has a reference image and no prompt, its folder has no text encoder or standard UNet, and
 * it always works at MimicBrush's fixed 512 x 512 square; folding it into {@code InpaintRequest}
 * would give every other backend a field it must refuse and this one a prompt it must ignore.
 *
 * <p>The source (or, with {@link LargeImageStrategy#crop}, a crop of {@code margin} pixels around the
 * mask) is padded to a white square, generated at 512 and composited back exactly as MimicBrush's
 * demo does (see {@code MimicBrushImages}). The result's {@link Provenance} records backend
 * {@value #BACKEND}, the model hashes, the scheduler, the request (guidance, steps, seed) and, in its
 * settings, {@code keepShape} and the reference size.
 *
 * <p>Thread-safety: safe for concurrent use (the sessions serialise their runs); results share no
 * mutable state.
 */
public final class ReferenceInpainter implements AutoCloseable {
    /** The backend name recorded in provenance. */
    public static final String BACKEND = "mimicbrush";

    private final MimicBrushPipeline pipeline;
    private final InputLimits limits;
    private final Clock clock;
    private final LongSupplier seeds;

    private ReferenceInpainter(MimicBrushPipeline pipeline, Builder b) {
        this.pipeline = pipeline;
        this.limits = b.limits;
        this.clock = b.clock;
        this.seeds = b.seeds;
    }

    /** A builder; a checkpoint is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the folder has the depth model, so that {@link ReferenceRequest#keepShape()} can be honoured. */
    public boolean canKeepShape() {
        return pipeline.hasDepth();
    }

    /** Fills {@code mask}'s region of {@code image} (mask above 0.5 = hole) as {@code request} says. */
    public InpaintResult inpaint(RgbImage image, Mask mask, ReferenceRequest request) {
        return inpaint(image, mask, request, ProgressListener.NONE, null);
    }

    /**
     * As {@link #inpaint(RgbImage, Mask, ReferenceRequest)}, reporting every step to {@code listener}
     * and stopping with a {@link dev.brushedit.core.CancelledException} at the next step once
     * {@code cancel} (nullable) is cancelled. Everything is checked before any work.
     */
    public InpaintResult inpaint(RgbImage image, Mask mask, ReferenceRequest request, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask);
        Checks.notNull("request", request);
        Checks.notNull("listener", listener);
        RgbImage reference = request.reference().orElseThrow(() -> new InvalidInputException(
                "the request has no reference image; MimicBrush fills the hole by imitating one (set reference(image))"));
        limits.check(image, "image");
        limits.check(reference, "reference");
        limits.checkSameSize(image, mask);
        Mask hole = mask.binarize(0.5f);
        if (hole.isEmpty()) {
            throw new InvalidInputException("mask is empty (no value above 0.5); MimicBrush needs a region to fill");
        }
        pipeline.check(request);
        long seed = request.seed().orElseGet(seeds);
        ReferenceRequest used = request.toBuilder().seed(seed).build();
        StageTimer timer = new StageTimer();
        Box region = region(image, hole, used.strategy());
        RgbImage work = region.width() == image.width() && region.height() == image.height() ? image : image.crop(region);
        Mask workMask = work == image ? hole : hole.crop(region);
        RgbImage generated = ImageTensors.toImage(pipeline.generateDecoded(work, workMask, used, seed, listener, cancel, timer));
        RgbImage composite = timer.time("blend", () -> MimicBrushImages.composite(work, workMask, generated));
        RgbImage out = work == image ? composite : paste(image, composite, region);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("keepShape", Boolean.toString(used.keepShape()));
        settings.put("reference", reference.width() + "x" + reference.height());
        InpaintRequest recorded = InpaintRequest.builder().prompt("").steps(used.steps()).guidanceScale(used.guidanceScale())
                .seed(seed).scheduler(used.scheduler()).strategy(used.strategy()).blend(BlendOptions.HARD).build();
        String where = (work == image ? "whole image " : "crop " + region + " of ") + image.width() + "x" + image.height()
                + ", padded to a " + Math.max(work.width(), work.height()) + " square, generated at 512x512";
        Provenance provenance = new Provenance(BACKEND, pipeline.modelHashes(), used.scheduler().diffusersName(),
                pipeline.schedulerConfigJson(), recorded, where, timer.stages(), clock.instant(), settings);
        return new InpaintResult(List.of(out), hole, provenance);
    }

    private static Box region(RgbImage image, Mask hole, LargeImageStrategy strategy) {
        if (strategy instanceof LargeImageStrategy.Crop c) {
            return WorkRegionPlanner.around(image.width(), image.height(), hole.boundingBox(), c.margin(), Integer.MAX_VALUE, 1)
                    .source();
        }
        return new Box(0, 0, image.width(), image.height());
    }

    private static RgbImage paste(RgbImage base, RgbImage patch, Box at) {
        byte[] out = base.toRgbBytes();
        byte[] p = patch.toRgbBytes();
        for (int y = 0; y < patch.height(); y++) {
            System.arraycopy(p, y * patch.width() * 3, out, ((y + at.y0()) * base.width() + at.x0()) * 3, patch.width() * 3);
        }
        return RgbImage.of(base.width(), base.height(), out);
    }

    /** Package-private for the parity test. */
    MimicBrushPipeline pipeline() {
        return pipeline;
    }

    /** Closes the model sessions. */
    @Override
    public void close() {
        pipeline.close();
    }

    /**
     * Builds {@link ReferenceInpainter}s; {@link #build()} opens the checkpoint and refuses a folder
     * that is not a MimicBrush export before any work.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Path checkpoint;
        private ExecutionOptions executionOptions = ExecutionOptions.defaults();
        private InputLimits limits = InputLimits.defaults();
        private Clock clock = Clock.systemUTC();
        private LongSupplier seeds = new SecureRandom()::nextLong;

        private Builder() {}

        /** The MimicBrush folder in our ONNX layout (tools/exporter/CONTRACT.md, MimicBrush folders). */
        public Builder checkpoint(Path checkpoint) {
            this.checkpoint = Checks.notNull("checkpoint", checkpoint);
            return this;
        }

        /** ONNX Runtime execution options (provider, threads, optimisation). */
        public Builder executionOptions(ExecutionOptions options) {
            this.executionOptions = Checks.notNull("executionOptions", options);
            return this;
        }

        /** Input limits for the image and the reference (default {@link InputLimits#defaults()}). */
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
         * Opens the models and returns the inpainter.
         *
         * @throws InvalidInputException without a checkpoint
         * @throws dev.brushedit.core.ModelException when the folder is not a MimicBrush export
         */
        public ReferenceInpainter build() {
            if (checkpoint == null) {
                throw new InvalidInputException("ReferenceInpainter needs a checkpoint folder; call checkpoint(path)");
            }
            ModelFolder folder = ModelFolder.open(checkpoint, executionOptions);
            try {
                return new ReferenceInpainter(new MimicBrushPipeline(folder), this);
            } catch (RuntimeException e) {
                folder.close();
                throw e;
            }
        }
    }
}
