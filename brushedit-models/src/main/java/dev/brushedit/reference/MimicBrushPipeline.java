package dev.brushedit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.ImageTensors;
import dev.brushedit.core.image.Mask;
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
import dev.brushedit.models.DenoisingLoop;
import dev.brushedit.models.DepthGuidance;
import dev.brushedit.models.ExportFlavour;
import dev.brushedit.models.ImagePromptEncoder;
import dev.brushedit.models.MimicBrushUnet;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.VaeEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MimicBrush's pipeline at 512 x 512 on a MimicBrush folder: image-prompt embeddings of the
 * reference (and of a zero image, the unconditional prompt), the depth feature (the depth branch on
 * the source, or the folder's blank feature without shape control), the reference's and the
 * masked source's VAE samples, then DDIM steps over the guidance batch {@code [uncond, cond]} with
 * the 13-channel input {@code latents | hole | masked-source latents | depth feature}.
 *
 * <p>Random draws follow MimicBrush's order on one torch-compatible generator seeded with the seed:
 * the reference latents' VAE sample, the initial noise, the masked source's VAE sample, then any
 * scheduler noise.
 *
 * <p>Thread-safety: safe for concurrent use; the sessions serialise their runs.
 */
final class MimicBrushPipeline implements AutoCloseable {
    static final String BLANK_DEPTH = "depth_guider/blank_feature.f32";
    private static final String GUIDER_CONFIG = "depth_guider/config.json";
    private final ModelFolder folder;
    private final SchedulerConfig schedulerConfig;
    private final String schedulerJson;
    private final Map<String, String> hashes;
    private final Tensor blankDepth;

    /** Checks the folder is a MimicBrush export before any work; closes nothing. */
    MimicBrushPipeline(ModelFolder folder) {
        this.folder = folder;
        for (ModelPart part : List.of(ModelPart.MIMICBRUSH_UNET, ModelPart.IMAGE_ENCODER, ModelPart.VAE_ENCODER, ModelPart.VAE_DECODER)) {
            if (!folder.has(part)) {
                throw new ModelException("checkpoint " + folder.root() + " misses " + part.relativePath() + "; a MimicBrush folder "
                        + "needs mimicbrush_unet/, image_encoder/, vae_encoder/ and vae_decoder/ (export MimicBrush with "
                        + "brushedit_export, see tools/exporter/CONTRACT.md)");
            }
        }
        if (folder.vaeEncoder().flavour() != ExportFlavour.OPTIMUM) {
            throw new ModelException("checkpoint " + folder.root() + ": vae_encoder/model.onnx samples inside the graph; MimicBrush "
                    + "needs the posterior's parameters (re-export with brushedit_export)");
        }
        folder.mimicBrushUnet();
        folder.imagePromptEncoder();
        this.blankDepth = readBlankDepth(folder.root());
        this.schedulerConfig = SchedulerConfig.fromJson(folder.schedulerConfig());
        this.schedulerJson = folder.schedulerConfigJson();
        Map<String, String> h = new LinkedHashMap<>();
        for (ModelPart part : List.of(ModelPart.MIMICBRUSH_UNET, ModelPart.IMAGE_ENCODER, ModelPart.DEPTH, ModelPart.VAE_ENCODER,
                ModelPart.VAE_DECODER)) {
            if (folder.has(part)) {
                h.put(part.relativePath(), folder.sha256(part));
            }
        }
        this.hashes = Map.copyOf(h);
    }

    private static Tensor readBlankDepth(Path root) {
        Path data = root.resolve(BLANK_DEPTH);
        Path config = root.resolve(GUIDER_CONFIG);
        if (!Files.isRegularFile(data) || !Files.isRegularFile(config)) {
            throw new ModelException("checkpoint " + root + " misses " + BLANK_DEPTH + " or " + GUIDER_CONFIG
                    + " (the depth feature MimicBrush uses without shape control); re-export with brushedit_export");
        }
        try {
            JsonNode shapeNode = new ObjectMapper().readTree(config.toFile()).path("blank_feature_shape");
            int[] shape = new int[shapeNode.size()];
            long n = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt();
                n *= shape[i];
            }
            byte[] bytes = Files.readAllBytes(data);
            if (shape.length != 4 || shape[1] != 4 || bytes.length != n * 4) {
                throw new ModelException(data + " holds " + bytes.length + " bytes; " + GUIDER_CONFIG + " declares shape "
                        + java.util.Arrays.toString(shape) + " ([1, 4, h, w] float32 expected)");
            }
            float[] values = new float[(int) n];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return Tensor.of(values, shape);
        } catch (IOException e) {
            throw new ModelException("cannot read " + data + ": " + e.getMessage(), e);
        }
    }

    boolean hasDepth() {
        return folder.has(ModelPart.DEPTH);
    }

    Map<String, String> modelHashes() {
        return hashes;
    }

    String schedulerConfigJson() {
        return schedulerJson;
    }

    /** Refuses {@code keepShape} without {@code depth/} before any work. */
    void check(ReferenceRequest request) {
        if (request.keepShape() && !hasDepth()) {
            throw new InvalidInputException("keepShape needs the depth model (depth/model.onnx), which checkpoint " + folder.root()
                    + " lacks (exported without the depth graph); use keepShape(false) or re-export with the depth model");
        }
    }

    /**
     * The VAE decoder's {@code [1, 3, 512, 512]} output in [-1, 1] for {@code image} with its
     * {@code mask} (same size) and the request's reference.
     */
    Tensor generateDecoded(RgbImage image, Mask mask, ReferenceRequest request, long seed, ProgressListener listener,
            CancellationToken cancel, StageTimer timer) {
        RgbImage reference = request.reference().orElseThrow();
        RgbImage squareRef = MimicBrushImages.padSquare(reference, 255);
        RgbImage square = MimicBrushImages.padSquare(image, 255);
        boolean[] hole = MimicBrushImages.padHole(mask);
        RgbImage masked512 = timer.time("prepare", () -> MimicBrushImages.to512(MimicBrushImages.blackOut(square, hole)));
        RgbImage ref512 = timer.time("prepare", () -> MimicBrushImages.to512(squareRef));
        Tensor holeLatent = timer.time("prepare", () -> MimicBrushImages.holeLatent(MimicBrushImages.hole512(hole, square.width())));

        ImagePromptEncoder prompts = folder.imagePromptEncoder();
        Tensor clip = MimicBrushImages.clipPixels(squareRef, ImagePromptEncoder.SIDE);
        Tensor cond = timer.time("image-prompt", () -> prompts.encode(clip));
        Tensor uncond = timer.time("image-prompt", () -> prompts.encode(Tensor.zeros(clip.shape())));
        Tensor embeddings = Tensor.concat(0, uncond, cond);
        Tensor depth = request.keepShape()
                ? timer.time("depth", () -> folder.depthGuidance().feature(MimicBrushImages.depthPixels(square, DepthGuidance.SIDE)))
                : blankDepth;

        TorchGenerator random = new TorchGenerator(seed);
        VaeEncoder vae = folder.vaeEncoder();
        Tensor refLatents = timer.time("vae-encode", () -> vae.encode(ImageTensors.toTensor(ref512), VaeEncoder.Sampling.SAMPLE, random));
        int n = MimicBrushImages.SIZE / 8;
        if (depth.dim(2) != n || depth.dim(3) != n) {
            throw new ModelException("the depth feature is " + depth.dim(2) + "x" + depth.dim(3) + ", the latents " + n + "x" + n
                    + "; MimicBrush works at 512 x 512 with an 8x VAE");
        }
        Scheduler scheduler = new TimedScheduler(request.scheduler().create(schedulerConfig), timer);
        scheduler.setTimesteps(request.steps());
        Tensor x = random.randn(1, 4, n, n).scaleInPlace(scheduler.initNoiseSigma());
        Tensor maskedLatents = timer.time("vae-encode", () -> vae.encode(ImageTensors.toTensor(masked512), VaeEncoder.Sampling.SAMPLE,
                random));
        Tensor condition = Tensor.concat(1, holeLatent, maskedLatents, depth);
        Tensor condition2 = Tensor.concat(0, condition, condition);
        MimicBrushUnet unet = folder.mimicBrushUnet();
        float g = (float) request.guidanceScale();
        float[] timesteps = scheduler.timesteps();
        for (int i = 0; i < timesteps.length; i++) {
            String step = "step " + (i + 1) + " of " + timesteps.length;
            CancellationToken.throwIfCancelled(cancel, "MimicBrush inpainting", step);
            float t = timesteps[i];
            Tensor in = scheduler.scaleModelInput(Tensor.concat(0, x, x), t);
            Tensor sample = Tensor.concat(1, in, condition2);
            Tensor eps = timer.time("unet", () -> unet.predict(sample, t, embeddings, refLatents, step));
            x = scheduler.step(DenoisingLoop.guide(eps, g), t, x, random);
            listener.onStep(i + 1, timesteps.length, listener.wantsPreview() ? LatentPreview.of(x) : null);
        }
        Tensor latents = x;
        return timer.time("vae-decode", () -> folder.vaeDecoder().decode(latents));
    }

    @Override
    public void close() {
        folder.close();
    }
}
