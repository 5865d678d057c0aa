package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.BrushNet;
import dev.brushedit.models.DenoisingLoop;
import dev.brushedit.models.FusedBrushNetUnet;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.Unet;
import dev.brushedit.models.VaeDecoder;
import dev.brushedit.models.VaeEncoder;
import dev.brushedit.models.text.PromptEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Diffusion inpainting at working resolution, faithful to the reference pipelines:
 *
 * <ul>
 *   <li>BrushNet (diffusers-style BrushNet pipeline): masked image = image with the hole black; its
 *       VAE latents times the scaling factor and the mask at latent size (nearest, 1 = keep) form the
 *       5-channel condition; each step the branch's features, times the preservation scale and the
 *       start/end gate, are added inside the UNet; classifier-free guidance; scheduler step; decode.
 *       BrushNet runs once per step at batch 1 (it has no cross-attention, so both guidance halves
 *       get the same features).
 *   <li>SD inpainting UNet (diffusers' inpaint pipeline): masked image = image times (mask &lt; 0.5),
 *       input = latents | mask (1 = hole) | masked-image latents.
 * </ul>
 *
 * <p>Random draws follow diffusers' order on one torch-compatible generator seeded with the request's
 * seed: the initial noise for all outputs ({@code [n, 4, h, w]}) first, then the VAE sample of the
 * condition image, then any scheduler noise.
 *
 * <p>Thread-safety: safe for concurrent use; the sessions serialise their runs.
 */
public final class DiffusionBackend implements InpaintBackend {
    private final DiffusionKind kind;
    private final ModelFolder folder;
    private final ModelFolder brushnetFolder;
    private final PromptEncoder prompts;
    private final SchedulerConfig schedulerConfig;
    private final String schedulerJson;
    private final Map<String, String> hashes;
    private final VaeEncoder.Sampling conditionSampling;
    private final MemoryPolicy memory;

    DiffusionBackend(DiffusionKind kind, ModelFolder folder, ModelFolder brushnetFolder, VaeEncoder.Sampling conditionSampling) {
        this.kind = kind;
        this.folder = folder;
        this.brushnetFolder = brushnetFolder;
        this.prompts = PromptEncoder.of(folder);
        this.schedulerConfig = SchedulerConfig.fromJson(folder.schedulerConfig());
        this.schedulerJson = folder.schedulerConfigJson();
        this.conditionSampling = conditionSampling;
        this.memory = MemoryPolicy.of(folder.executionOptions());
        Map<String, String> h = new LinkedHashMap<>();
        for (ModelPart part : usedParts()) {
            ModelFolder owner = part == ModelPart.BRUSHNET && brushnetFolder != null ? brushnetFolder : folder;
            h.put(part.relativePath(), owner.sha256(part));
        }
        this.hashes = Map.copyOf(h);
    }

    private List<ModelPart> usedParts() {
        List<ModelPart> parts = new ArrayList<>(List.of(ModelPart.TEXT_ENCODER, ModelPart.VAE_ENCODER, ModelPart.VAE_DECODER));
        switch (kind) {
            case BRUSHNET_FUSED -> parts.add(ModelPart.BRUSHNET_UNET);
            case BRUSHNET_SEPARATE -> {
                parts.add(ModelPart.UNET);
                parts.add(ModelPart.BRUSHNET);
            }
            case SD_INPAINTING -> parts.add(ModelPart.UNET);
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
        return parts;
    }

    @Override
    public String name() {
        return kind.label();
    }

    @Override
    public int sizeMultiple() {
        return 64;
    }

    @Override
    public Map<String, String> modelHashes() {
        return hashes;
    }

    @Override
    public boolean followsPrompt() {
        return true;
    }

    @Override
    public String schedulerConfigJson() {
        return schedulerJson;
    }

    @Override
    public List<RgbImage> generate(RgbImage image, Mask mask, BackendJob request, long seed, StepListener listener,
            BooleanSupplier cancel, StageTimer timer) {
        List<Tensor> decoded = generateDecoded(image, mask, request, seed, listener, cancel, timer);
        List<RgbImage> out = new ArrayList<>(decoded.size());
        for (Tensor d : decoded) {
            out.add(ImageTensors.toImage(d));
        }
        return out;
    }

    /**
     * What {@link #generate} returns before quantisation: the VAE decoder's {@code [1, 3, H, W]} output
     * in [-1, 1] per output. Package-private so parity tests can compare the float image.
     */
    List<Tensor> generateDecoded(RgbImage image, Mask mask, BackendJob request, long seed, StepListener listener,
            BooleanSupplier cancel, StageTimer timer) {
        boolean guided = request.guidanceScale() > 1.0;
        PromptEncoder.Embeddings emb = timer.time("text",
                () -> prompts.encode(request.prompt(), request.negativePrompt(), request.promptSyntax()));
        Tensor context = guided ? Tensor.concat(0, emb.negative(), emb.positive()) : emb.positive();
        int latentH = image.height() / 8;
        int latentW = image.width() / 8;
        int n = request.numOutputs();
        TorchGenerator random = new TorchGenerator(seed);
        Tensor noise = random.randn(n, 4, latentH, latentW);
        Tensor pixels = ImageTensors.toTensor(image);
        Tensor holes = mask.toTensor();
        VaeEncoder encoder = folder.vaeEncoder();
        Tensor condition = timer.time("vae-encode", () -> condition(encoder, pixels, holes, latentH, latentW, random));
        Tensor imageLatents = request.strength() < 1.0
                ? timer.time("vae-encode", () -> encoder.encodeWithin(pixels, VaeEncoder.Sampling.SAMPLE, random, memory.vaeBudget()))
                : null;
        memory.afterStage(folder, ModelPart.VAE_ENCODER);
        List<Tensor> out = new ArrayList<>(n);
        for (int o = 0; o < n; o++) {
            Tensor latents = denoise(noise.slice(0, o, o + 1), imageLatents, context, condition, request, random, listener,
                    cancel, timer, o);
            VaeDecoder decoder = folder.vaeDecoder();
            Tensor decoded = timer.time("vae-decode", () -> decoder.decodeWithin(latents, memory.vaeBudget()));
            out.add(decoded);
        }
        memory.afterStage(folder, ModelPart.VAE_DECODER);
        return out;
    }

    private Tensor condition(VaeEncoder encoder, Tensor pixels, Tensor holes, int latentH, int latentW, TorchGenerator random) {
        if (kind == DiffusionKind.SD_INPAINTING) {
            Tensor maskedLatents = encoder.encodeWithin(InpaintConditions.grayHole(pixels, holes), conditionSampling, random,
                    memory.vaeBudget());
            return Tensor.concat(1, InpaintConditions.latentMask(holes, latentH, latentW, false), maskedLatents);
        }
        Tensor maskedLatents = encoder.encodeWithin(InpaintConditions.blackHole(pixels, holes), conditionSampling, random,
                memory.vaeBudget());
        return Tensor.concat(1, maskedLatents, InpaintConditions.latentMask(holes, latentH, latentW, true));
    }

    private Tensor denoise(Tensor noise, Tensor imageLatents, Tensor context, Tensor condition, BackendJob request,
            TorchGenerator random, StepListener listener, BooleanSupplier cancel, StageTimer timer, int output) {
        SchedulerConfig config = request.schedulerOptions().isEmpty() ? schedulerConfig
                : SchedulerConfig.fromJson(request.schedulerOptions().applyTo(schedulerJson));
        Scheduler scheduler = new TimedScheduler(request.scheduler().create(config), timer);
        scheduler.setTimesteps(request.steps(), request.strength());
        Tensor start = imageLatents == null
                ? noise.scale(scheduler.initNoiseSigma())
                : scheduler.addNoise(imageLatents, noise, scheduler.timesteps()[0]);
        DenoisingLoop.NoisePredictor predictor = (in, t, index, count) -> {
            float scale = (float) request.preservationScale()
                    * (InpaintConditions.brushnetActive(index, count, request.brushnetStart(), request.brushnetEnd()) ? 1f : 0f);
            if (index == count - 1) {
                memory.beforeLastStep(folder, brushnetFolder, kind);
            }
            return predict(in, t, context, condition, scale, stepName(output, index, count), timer);
        };
        DenoisingLoop.StepObserver observer = new DenoisingLoop.StepObserver() {
            @Override
            public void beforeStep(int index, int count) {
                Cancellation.check(cancel, stepName(output, index, count));
            }

            @Override
            public void afterStep(int index, int count, Tensor latents) {
                listener.onStep(index + 1, count, listener.wantsPreview() ? LatentPreview.of(latents) : null);
            }
        };
        return DenoisingLoop.sample(scheduler, start, request.guidanceScale(), predictor, random, observer);
    }

    private static String stepName(int output, int index, int count) {
        return "output " + (output + 1) + ", step " + (index + 1) + " of " + count;
    }

    private Tensor predict(Tensor in, float t, Tensor context, Tensor condition, float scale, String step, StageTimer timer) {
        switch (kind) {
            case BRUSHNET_FUSED -> {
                FusedBrushNetUnet fused = folder.fusedBrushNetUnet();
                return timer.time("unet+brushnet", () -> memory.splitGuidanceBatch() && in.dim(0) == 2
                        ? Tensor.concat(0, fused.predict(in.slice(0, 0, 1), t, context.slice(0, 0, 1), condition, scale, step),
                                fused.predict(in.slice(0, 1, 2), t, context.slice(0, 1, 2), condition, scale, step))
                        : fused.predict(in, t, context, condition, scale, step));
            }
            case BRUSHNET_SEPARATE -> {
                BrushNet branch = (brushnetFolder != null ? brushnetFolder : folder).brushNet();
                Tensor first = in.dim(0) == 1 ? in : in.slice(0, 0, 1);
                Map<String, Tensor> features = timer.time("brushnet", () -> branch.features(first, t, condition, scale, step));
                Unet unet = folder.unet();
                return timer.time("unet", () -> memory.splitGuidanceBatch() && in.dim(0) == 2
                        ? Tensor.concat(0, unet.predict(in.slice(0, 0, 1), t, context.slice(0, 0, 1), features, step),
                                unet.predict(in.slice(0, 1, 2), t, context.slice(0, 1, 2), features, step))
                        : unet.predict(in, t, context, features, step));
            }
            case SD_INPAINTING -> {
                Unet unet = folder.unet();
                Tensor mask = condition.slice(1, 0, 1);
                Tensor masked = condition.slice(1, 1, 5);
                return timer.time("unet", () -> unet.predict(Unet.inpaintingInput(in, mask, masked), t, context));
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    /** The checkpoint folder; for tests. */
    ModelFolder folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            folder.close();
        } finally {
            if (brushnetFolder != null) {
                brushnetFolder.close();
            }
        }
    }
}
