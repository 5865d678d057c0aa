package dev.brushedit.pix2pix;

import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.internal.LatentPreview;
import dev.brushedit.inpaint.internal.StageTimer;
import dev.brushedit.inpaint.internal.TimedScheduler;
import dev.brushedit.models.ExportFlavour;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.Unet;
import dev.brushedit.models.VaeDecoder;
import dev.brushedit.models.text.PromptEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * diffusers' {@code StableDiffusionInstructPix2PixPipeline} at working resolution: the image's VAE
 * latents are the posterior's mode, unscaled; each step the scheduler-scaled latents are joined on
 * channels with the image latents; with guidance the batch is {@code [text, image-only, uncond]}
 * with text embeddings {@code [instruction, negative, negative]} and image latents
 * {@code [img, img, 0]}, combined as {@code eps_u + s_T (eps_c - eps_i) + s_I (eps_i - eps_u)}.
 *
 * <p>Random draws follow diffusers' order on one torch-compatible generator seeded with the seed:
 * the initial noise first, then any scheduler noise (Euler ancestral draws one tensor per step).
 *
 * <p>Thread-safety: safe for concurrent use; the sessions serialise their runs.
 */
final class Pix2PixPipeline implements AutoCloseable {
    private final ModelFolder folder;
    private final PromptEncoder prompts;
    private final SchedulerConfig schedulerConfig;
    private final String schedulerJson;
    private final Map<String, String> hashes;

    /** Checks the folder is an InstructPix2Pix-family export before any work; closes nothing. */
    Pix2PixPipeline(ModelFolder folder) {
        this.folder = folder;
        List<ModelPart> missing = folder.missingStandardParts();
        if (!missing.isEmpty()) {
            throw new ModelException("checkpoint " + folder.root() + " misses " + missing + "; InstructPix2Pix needs text_encoder/, "
                    + "unet/, vae_encoder/ and vae_decoder/ (export with `python -m brushedit_export`, see tools/exporter/README.md)");
        }
        Unet unet = folder.unet();
        if (!unet.isInstructPix2Pix()) {
            throw new ModelException("checkpoint " + folder.root() + ": unet/model.onnx has " + unet.inChannels()
                    + " input channels; InstructPix2Pix needs the 8-channel UNet of an InstructPix2Pix-family checkpoint "
                    + "(timbrooks/instruct-pix2pix, MagicBrush) exported with brushedit_export");
        }
        if (folder.vaeEncoder().flavour() != ExportFlavour.OPTIMUM) {
            throw new ModelException("checkpoint " + folder.root() + ": vae_encoder/model.onnx samples inside the graph (legacy "
                    + "diffusers export); InstructPix2Pix needs the posterior's mode, so re-export with brushedit_export");
        }
        this.prompts = PromptEncoder.of(folder);
        this.schedulerConfig = SchedulerConfig.fromJson(folder.schedulerConfig());
        this.schedulerJson = folder.schedulerConfigJson();
        Map<String, String> h = new LinkedHashMap<>();
        for (ModelPart part : List.of(ModelPart.TEXT_ENCODER, ModelPart.UNET, ModelPart.VAE_ENCODER, ModelPart.VAE_DECODER)) {
            h.put(part.relativePath(), folder.sha256(part));
        }
        this.hashes = Map.copyOf(h);
    }

    /** ZONE's end-token index: the instruction's token count with the start and end tokens, minus 1. */
    int endToken(String instruction) {
        return Math.min(prompts.tokenizer().encode(instruction).length + 1, 76);
    }

    Unet unet() {
        return folder.unet();
    }

    Map<String, String> modelHashes() {
        return hashes;
    }

    String schedulerConfigJson() {
        return schedulerJson;
    }

    /**
     * The VAE decoder's {@code [1, 3, H, W]} output in [-1, 1] for {@code image} (a work image whose
     * sides are multiples of 64) edited as {@code request} says.
     */
    Tensor generateDecoded(RgbImage image, Pix2PixRequest request, long seed, ProgressListener listener,
            CancellationToken cancel, StageTimer timer) {
        return generateDecoded(image, request, seed, null, listener, cancel, timer);
    }

    /**
     * ZONE's fused denoising when {@code fusion} is not null: a second InstructPix2Pix-family UNet
     * (MagicBrush) denoises its own copy of the latents with its own scheduler (same config, same
     * text embeddings and image latents), stepped first; after each step the InstructPix2Pix
     * latents become {@code (x + beta * x_mb) / (1 + beta)} while the MagicBrush latents go on
     * unblended. Stochastic schedulers draw the MagicBrush step's noise first, from the same generator.
     */
    Tensor generateDecoded(RgbImage image, Pix2PixRequest request, long seed, Fusion fusion, ProgressListener listener,
            CancellationToken cancel, StageTimer timer) {
        return generateDecoded(image, request, seed, fusion, null, listener, cancel, timer);
    }

    /**
     * As above; when {@code attention} is not null the InstructPix2Pix UNet's cross-attention outputs
     * are recorded into it every step, as ZONE's attention store records them.
     */
    Tensor generateDecoded(RgbImage image, Pix2PixRequest request, long seed, Fusion fusion, AttentionRecord attention,
            ProgressListener listener, CancellationToken cancel, StageTimer timer) {
        boolean guided = request.guided();
        PromptEncoder.Embeddings emb = timer.time("text", () -> prompts.encode(request.instruction(), request.negativePrompt()));
        Tensor context = guided ? Tensor.concat(0, emb.positive(), emb.negative(), emb.negative()) : emb.positive();
        int latentH = image.height() / 8;
        int latentW = image.width() / 8;
        TorchGenerator random = new TorchGenerator(seed);
        Scheduler scheduler = new TimedScheduler(request.scheduler().create(schedulerConfig), timer);
        scheduler.setTimesteps(request.steps());
        Tensor x = random.randn(1, 4, latentH, latentW).scaleInPlace(scheduler.initNoiseSigma());
        Tensor pixels = ImageTensors.toTensor(image);
        Tensor imageLatents = timer.time("vae-encode", () -> folder.vaeEncoder().mode(pixels));
        Tensor condition = guided
                ? Tensor.concat(0, imageLatents, imageLatents, Tensor.zeros(imageLatents.shape()))
                : imageLatents;
        Scheduler partnerScheduler = null;
        Tensor xp = null;
        if (fusion != null) {
            partnerScheduler = new TimedScheduler(request.scheduler().create(schedulerConfig), timer);
            partnerScheduler.setTimesteps(request.steps());
            xp = x.copy();
        }
        Unet unet = folder.unet();
        float sT = (float) request.guidanceScale();
        float sI = (float) request.imageGuidanceScale();
        float[] timesteps = scheduler.timesteps();
        for (int i = 0; i < timesteps.length; i++) {
            String step = "step " + (i + 1) + " of " + timesteps.length;
            CancellationToken.throwIfCancelled(cancel, "InstructPix2Pix edit", step);
            float t = timesteps[i];
            if (fusion != null) {
                Tensor inP = partnerScheduler.scaleModelInput(guided ? Tensor.concat(0, xp, xp, xp) : xp, t);
                Tensor epsP = timer.time("unet-partner", () -> fusion.partner().predict(Unet.pix2pixInput(inP, condition), t, context));
                xp = partnerScheduler.step(guided ? guide(epsP, sT, sI) : epsP, t, xp, random);
            }
            Tensor in = scheduler.scaleModelInput(guided ? Tensor.concat(0, x, x, x) : x, t);
            Tensor eps;
            if (attention == null) {
                eps = timer.time("unet", () -> unet.predict(Unet.pix2pixInput(in, condition), t, context));
            } else {
                Map<String, Tensor> outs = timer.time("unet", () -> unet.predictWithCrossAttention(Unet.pix2pixInput(in, condition), t,
                        context, step));
                attention.add(unet.crossAttentionOutputs(), outs);
                eps = outs.get("out_sample");
            }
            x = scheduler.step(guided ? guide(eps, sT, sI) : eps, t, x, random);
            if (fusion != null) {
                x = blend(x, xp, fusion.beta());
            }
            listener.onStep(i + 1, timesteps.length, listener.wantsPreview() ? LatentPreview.of(x) : null);
        }
        Tensor latents = x;
        VaeDecoder decoder = folder.vaeDecoder();
        return timer.time("vae-decode", () -> latentH * latentW > 128 * 128 ? decoder.decodeTiled(latents, 64, 16)
                : decoder.decode(latents));
    }

    /** ZONE's latent blend {@code (x + beta * partner) / (1 + beta)}, in place on {@code x}, in float as torch computes it. */
    static Tensor blend(Tensor x, Tensor partner, float beta) {
        float denominator = 1f + beta;
        for (int k = 0; k < x.size(); k++) {
            x.setFlat(k, (x.getFlat(k) + beta * partner.getFlat(k)) / denominator);
        }
        return x;
    }

    /**
     * The second UNet of ZONE's fused denoising and the weight of its latents.
     *
     * <p>Thread-safety: immutable (the UNet serialises its runs).
     *
     * @param partner the MagicBrush (or other InstructPix2Pix-family) UNet
     * @param beta the blend weight, at least 0
     */
    record Fusion(Unet partner, float beta) {
    }

    /**
     * InstructPix2Pix's three-way guidance on a {@code [text, image-only, uncond]} batch:
     * {@code u + sT (c - i) + sI (i - u)}, evaluated in diffusers' order.
     */
    static Tensor guide(Tensor eps, float sT, float sI) {
        List<Tensor> parts = eps.split(0, 1, 1, 1);
        Tensor c = parts.get(0);
        Tensor im = parts.get(1);
        Tensor u = parts.get(2);
        for (int k = 0; k < u.size(); k++) {
            float uk = u.getFlat(k);
            float ik = im.getFlat(k);
            u.setFlat(k, uk + sT * (c.getFlat(k) - ik) + sI * (ik - uk));
        }
        return u;
    }

    @Override
    public void close() {
        folder.close();
    }
}
