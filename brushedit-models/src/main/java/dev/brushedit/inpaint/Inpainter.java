package dev.brushedit.inpaint;

import dev.brushedit.blend.MaskBlender;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.internal.BackendJob;
import dev.brushedit.inpaint.internal.DiffusionBackends;
import dev.brushedit.inpaint.internal.DiffusionChoice;
import dev.brushedit.inpaint.internal.InpaintBackend;
import dev.brushedit.inpaint.internal.PatchMatchBackend;
import dev.brushedit.inpaint.internal.StageTimer;
import dev.brushedit.inpaint.internal.StepListener;
import dev.brushedit.inpaint.internal.WorkImages;
import dev.brushedit.inpaint.internal.WorkRegion;
import dev.brushedit.inpaint.internal.WorkRegionPlanner;
import dev.brushedit.inpaint.outpaint.InitialFill;
import dev.brushedit.inpaint.outpaint.OutpaintCanvas;
import dev.brushedit.inpaint.outpaint.OutpaintExtension;
import dev.brushedit.inpaint.outpaint.Sides;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.VaeEncoder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the masked region of an image. With a checkpoint folder it runs BrushNet dual-branch
 * inpainting (a frozen SD1.5-family UNet plus the BrushNet branch, scaled by the preservation
 * scale) or the SD inpainting UNet; without one it runs the weight-free PatchMatch inpainter.
 *
 * <p>Around the backend the inpainter validates the inputs against {@link InputLimits}, works on the
 * region the {@link LargeImageStrategy} picks (padded, never cropped, to the model's size multiple),
 * pastes the result back through the mask ({@link BlendOptions}) so pixels outside the blend radius
 * are exactly the original, and records {@link Provenance}.
 *
 * <p>An empty mask returns the image unchanged (backend {@code "none"}). An all-ones mask is valid
 * for the diffusion backends (the whole image is regenerated) and rejected by PatchMatch, which has
 * no source pixels then.
 *
 * <p>Thread-safety: safe for concurrent use when its backend is (the ONNX backends serialise their
 * session calls); results never share mutable state.
 */
public final class Inpainter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Inpainter.class);

    /** Which inpainting backend to use. */
    public enum Backend {
        /** The best the checkpoint offers: fused BrushNet, then separate BrushNet, then the SD inpainting UNet; PatchMatch without a checkpoint. */
        AUTO,
        /** BrushNet dual-branch inpainting (fused graph when present). */
        BRUSHNET,
        /** The 9-channel SD inpainting UNet. */
        SD_INPAINTING,
        /** Weight-free PatchMatch; the prompt is ignored. */
        PATCHMATCH
    }

    private final InpaintBackend backend;
    private final InpaintRequest defaults;
    private final InputLimits limits;
    private final Clock clock;
    private final LongSupplier seeds;

    private Inpainter(InpaintBackend backend, Builder b) {
        this.backend = backend;
        this.defaults = b.defaults;
        this.limits = b.limits;
        this.clock = b.clock;
        this.seeds = b.seeds;
    }

    /** A builder; without a checkpoint the built inpainter uses PatchMatch. */
    public static Builder builder() {
        return new Builder();
    }

    /** The backend in use: {@code "brushnet-fused"}, {@code "brushnet"}, {@code "sd-inpainting"} or {@code "patchmatch"}. */
    public String backendName() {
        return backend.name();
    }

    /**
     * What the backend can honour: PatchMatch ignores the prompt, needs pixels outside the mask and
     * paints no new objects; the diffusion backends follow the prompt and may repaint everything.
     */
    public Capabilities capabilities() {
        return backend.followsPrompt() ? Capabilities.diffusion() : Capabilities.textureFill();
    }

    /** The request defaults that {@link #inpaint(RgbImage, Mask, String)} starts from. */
    public InpaintRequest defaults() {
        return defaults;
    }

    /** Inpaints with the default request and {@code prompt}. */
    public InpaintResult inpaint(RgbImage image, Mask mask, String prompt) {
        return inpaint(image, mask, defaults.toBuilder().prompt(Checks.notNull("prompt", prompt)).build());
    }

    /** Inpaints with {@code request}. */
    public InpaintResult inpaint(RgbImage image, Mask mask, InpaintRequest request) {
        return inpaint(image, mask, request, ProgressListener.NONE, null);
    }

    /**
     * Inpaints with {@code request}, reporting progress to {@code listener} and stopping with a
     * {@link dev.brushedit.core.CancelledException} at the next step once {@code cancel} is cancelled
     * (null: not cancellable).
     */
    public InpaintResult inpaint(RgbImage image, Mask mask, InpaintRequest request, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("mask", mask);
        Checks.notNull("request", request);
        Checks.notNull("listener", listener);
        limits.check(image, "image");
        limits.checkSameSize(image, mask);
        long seed = request.seed().orElseGet(seeds);
        InpaintRequest used = request.toBuilder().seed(seed).build();
        Box box = mask.boundingBox();
        if (box == null) {
            LOG.debug("empty mask: returning the image unchanged");
            return new InpaintResult(List.of(image), mask, provenance("none", used, "none (empty mask)", new StageTimer()));
        }
        if (mask.isFull() && capabilities().needsSourcePixels()) {
            throw new InvalidInputException("the mask covers the whole image, so the " + backend.name() + " backend has no "
                    + "source pixels; use a diffusion checkpoint or a mask that leaves part of the image");
        }
        StageTimer timer = new StageTimer();
        WorkRegion region = StrategyPlanner.plan(image.width(), image.height(), box, used.strategy(), backend.sizeMultiple());
        RgbImage workImage = timer.time("prepare", () -> WorkImages.toWork(image, region));
        Mask workMask = timer.time("prepare", () -> WorkImages.toWork(mask, region));
        List<RgbImage> generated = backend.generate(workImage, workMask, job(used), seed, steps(listener),
                cancel == null ? () -> false : cancel::isCancelled, timer);
        MaskBlender blender = used.blend().enabled()
                ? MaskBlender.builder().kernelSize(used.blend().kernelSize()).sigma(Math.max(0, used.blend().sigma())).build()
                : null;
        Mask binary = mask.binarize(0.5f);
        List<RgbImage> results = new ArrayList<>(generated.size());
        for (RgbImage g : generated) {
            results.add(timer.time("blend", () -> {
                RgbImage full = WorkImages.paste(image, WorkImages.fromWork(g, region), region);
                return blender != null ? blender.blend(image, full, mask) : WorkImages.hardPaste(image, full, binary);
            }));
        }
        return new InpaintResult(results, mask, provenance(backend.name(), used, describe(region), timer));
    }

    /** Outpaints with the default request (its prompt describes the whole extended scene). */
    public OutpaintResult outpaint(RgbImage image, OutpaintExtension extension) {
        return outpaint(image, extension, defaults);
    }

    /** Outpaints with {@code request}. */
    public OutpaintResult outpaint(RgbImage image, OutpaintExtension extension, InpaintRequest request) {
        return outpaint(image, extension, request, ProgressListener.NONE, null);
    }

    /**
     * Extends {@code image} by {@code extension} and fills the new area with the backend: builds the
     * canvas ({@link OutpaintCanvas}) with the initial fill this backend expects (BrushNet: black,
     * SD inpainting: grey, PatchMatch: the border mirrored outwards, which PatchMatch then replaces
     * with patches continuing the image's texture), inpaints the new area plus the seam band with a
     * hard paste, and cross-fades the band into the original (the request's {@link BlendOptions}
     * are replaced by this seam). Original pixels beyond the seam band are kept exactly.
     *
     * <p>The canvas size is checked against the input limits before any work. An aspect ratio the
     * image already has returns the image unchanged (backend {@code "none"}).
     *
     * @throws InvalidInputException for a null argument or a canvas over the pixel budget
     */
    public OutpaintResult outpaint(RgbImage image, OutpaintExtension extension, InpaintRequest request,
            ProgressListener listener, CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("extension", extension);
        Checks.notNull("request", request);
        Checks.notNull("listener", listener);
        limits.check(image, "image");
        Sides sides = extension.sidesFor(image.width(), image.height());
        limits.check(sides.canvasWidth(image.width()), sides.canvasHeight(image.height()), "outpainting canvas");
        InitialFill fill = backend instanceof PatchMatchBackend ? InitialFill.MIRROR
                : backend.name().equals("sd-inpainting") ? InitialFill.GRAY : InitialFill.BLACK;
        OutpaintCanvas canvas = OutpaintCanvas.build(image, sides, extension.seamWidth(), fill);
        InpaintRequest hard = request.toBuilder().blend(BlendOptions.HARD).build();
        InpaintResult generated = inpaint(canvas.canvas(), canvas.mask(), hard, listener, cancel);
        StageTimer seam = new StageTimer();
        List<RgbImage> images = new ArrayList<>(generated.images().size());
        for (RgbImage g : generated.images()) {
            images.add(seam.time("seam", () -> canvas.composite(g)));
        }
        Provenance p = generated.provenance();
        Map<String, java.time.Duration> stages = new LinkedHashMap<>(p.stageTimings());
        seam.stages().forEach((k, v) -> stages.merge(k, v, java.time.Duration::plus));
        Provenance outpaint = new Provenance(p.backend(), p.modelHashes(), p.scheduler(), p.schedulerConfig(), p.request(),
                "outpaint " + extension + " (" + sides + ", fill " + fill + ") to " + canvas.canvas().width() + "x"
                        + canvas.canvas().height() + "; " + p.workRegion(),
                stages, p.createdAt());
        LOG.debug("outpainted {}x{} by {} with {}", image.width(), image.height(), sides, p.backend());
        return new OutpaintResult(images, canvas, extension, generated, outpaint);
    }

    /** What the backend needs from {@code r}. */
    static BackendJob job(InpaintRequest r) {
        return new BackendJob(r.prompt(), r.negativePrompt(), r.steps(), r.guidanceScale(), r.preservationScale(),
                r.brushnetStart(), r.brushnetEnd(), r.strength(), r.scheduler(), r.numOutputs(), r.promptSyntax(),
                r.schedulerOptions());
    }

    private static StepListener steps(ProgressListener listener) {
        return new StepListener() {
            @Override
            public void onStep(int step, int total, RgbImage preview) {
                listener.onStep(step, total, preview);
            }

            @Override
            public boolean wantsPreview() {
                return listener.wantsPreview();
            }
        };
    }

    private Provenance provenance(String backendName, InpaintRequest used, String region, StageTimer timer) {
        String folderJson = backend.schedulerConfigJson();
        String schedulerJson = folderJson.isEmpty() ? folderJson : used.schedulerOptions().applyTo(folderJson);
        String scheduler = schedulerJson.isEmpty() ? "" : used.scheduler().diffusersName();
        return new Provenance(backendName, backend.modelHashes(), scheduler, schedulerJson, used, region, timer.stages(),
                clock.instant());
    }

    private static String describe(WorkRegion r) {
        Box s = r.source();
        return "region (" + s.x0() + "," + s.y0() + ")-(" + s.x1() + "," + s.y1() + ") at " + r.width() + "x" + r.height()
                + (r.padded() ? " padded to " + r.paddedWidth() + "x" + r.paddedHeight() : "");
    }

    /** Closes the backend's model sessions. */
    @Override
    public void close() {
        backend.close();
    }

    /**
     * Builds {@link Inpainter}s. Setters validate their arguments; {@link #build()} rejects
     * conflicting choices (e.g. a BrushNet backend without a checkpoint).
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Path checkpoint;
        private Path brushnet;
        private Backend backendChoice = Backend.AUTO;
        private ExecutionOptions executionOptions = ExecutionOptions.defaults();
        private InpaintRequest defaults = InpaintRequest.builder().build();
        private InputLimits limits = InputLimits.defaults();
        private Clock clock = Clock.systemUTC();
        private LongSupplier seeds = new SecureRandom()::nextLong;
        private PatchMatchInpainter patchMatch = PatchMatchInpainter.builder().build();
        private VaeEncoder.Sampling conditionSampling = VaeEncoder.Sampling.SAMPLE;

        private Builder() {}

        /** The SD1.5-family checkpoint folder in our ONNX layout (see the README). */
        public Builder checkpoint(Path checkpoint) {
            this.checkpoint = Checks.notNull("checkpoint", checkpoint);
            return this;
        }

        /** A BrushNet folder to pair with the checkpoint's UNet (default: the checkpoint's own brushnet/). */
        public Builder brushnet(Path brushnet) {
            this.brushnet = Checks.notNull("brushnet", brushnet);
            return this;
        }

        /** The backend (default {@link Backend#AUTO}). */
        public Builder backend(Backend backend) {
            this.backendChoice = Checks.notNull("backend", backend);
            return this;
        }

        /** ONNX Runtime execution options (provider, threads, optimisation). */
        public Builder executionOptions(ExecutionOptions options) {
            this.executionOptions = Checks.notNull("executionOptions", options);
            return this;
        }

        /** The request defaults used by {@link Inpainter#inpaint(RgbImage, Mask, String)}. */
        public Builder defaults(InpaintRequest defaults) {
            this.defaults = Checks.notNull("defaults", defaults);
            return this;
        }

        /** Input limits (default {@link InputLimits#defaults()}). */
        public Builder limits(InputLimits limits) {
            this.limits = Checks.notNull("limits", limits);
            return this;
        }

        /** The clock stamped into provenance; a test hook, reached from tests only (not public API). */
        Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /** Where seeds come from when a request has none (default a SecureRandom); a test hook, not public API. */
        Builder seeds(LongSupplier seeds) {
            this.seeds = Checks.notNull("seeds", seeds);
            return this;
        }

        /** The PatchMatch settings used by the PatchMatch backend (its seed is replaced per request). */
        public Builder patchMatch(PatchMatchInpainter patchMatch) {
            this.patchMatch = Checks.notNull("patchMatch", patchMatch);
            return this;
        }

        /**
         * How the masked image's VAE latents are taken for the condition: {@code SAMPLE} (default, as
         * BrushNet's pipeline does, drawn from the request's seeded generator) or {@code MEAN}
         * (deterministic given the image; what parity checks against a reference use). A test hook,
         * not public API.
         */
        Builder conditionSampling(VaeEncoder.Sampling sampling) {
            this.conditionSampling = Checks.notNull("conditionSampling", sampling);
            return this;
        }

        /** Opens the models and returns the inpainter. */
        public Inpainter build() {
            if (backendChoice == Backend.PATCHMATCH || (backendChoice == Backend.AUTO && checkpoint == null)) {
                if (brushnet != null) {
                    throw new InvalidInputException("a BrushNet folder was given but the backend is PatchMatch; "
                            + "give a checkpoint too, or drop the BrushNet folder");
                }
                return new Inpainter(new PatchMatchBackend(patchMatch), this);
            }
            if (checkpoint == null) {
                throw new InvalidInputException("backend " + backendChoice + " needs a checkpoint folder; call checkpoint(path)");
            }
            DiffusionChoice choice = switch (backendChoice) {
                case BRUSHNET -> DiffusionChoice.BRUSHNET;
                case SD_INPAINTING -> DiffusionChoice.SD_INPAINTING;
                default -> DiffusionChoice.AUTO;
            };
            return new Inpainter(DiffusionBackends.open(checkpoint, brushnet, choice, executionOptions, conditionSampling), this);
        }
    }
}
