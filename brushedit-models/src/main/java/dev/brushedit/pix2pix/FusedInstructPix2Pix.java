package dev.brushedit.pix2pix;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.Unet;
import java.nio.file.Path;
import java.util.Map;

/**
 * ZONE's fused denoising (CVPR 2024, github lsl001006/ZONE): InstructPix2Pix and MagicBrush denoise
 * side by side from the same noise, text embeddings and image latents (InstructPix2Pix's text
 * encoder and VAE), each with its own scheduler, and after every step the InstructPix2Pix latents
 * become {@code (x + beta * x_mb) / (1 + beta)}, with {@code beta} from the {@link ZoneAction}
 * ({@link ZoneAction#blendWeight}). The decoded InstructPix2Pix latents are the edited image.
 * Defaults are ZONE's: DPM-Solver++ (multistep), 20 steps, text guidance 7.5, image guidance 1.5,
 * REMOVE beta 0.2.
 *
 * <p>The result's provenance has backend {@value #BACKEND}, the hashes of both UNets (MagicBrush's
 * under {@code magicbrush/}) and, in its settings, the action and the blend weight.
 *
 * <p>Thread-safety: safe for concurrent use (the sessions serialise their runs).
 */
public final class FusedInstructPix2Pix implements AutoCloseable {
    /** The backend name recorded in provenance. */
    public static final String BACKEND = "zone-fused";

    private final InstructPix2Pix ip2p;
    private final ModelFolder magicBrush;
    private final double removeBeta;
    private final String magicBrushHash;

    private FusedInstructPix2Pix(InstructPix2Pix ip2p, ModelFolder magicBrush, double removeBeta) {
        this.ip2p = ip2p;
        this.magicBrush = magicBrush;
        this.removeBeta = removeBeta;
        this.magicBrushHash = magicBrush.sha256(ModelPart.UNET);
    }

    /** ZONE's settings: DPM-Solver++ (multistep), 20 steps, text guidance 7.5, image guidance 1.5. */
    public static Pix2PixRequest zoneDefaults() {
        return Pix2PixRequest.builder().scheduler(SchedulerType.DPM_SOLVER_MULTISTEP).steps(20).guidanceScale(7.5)
                .imageGuidanceScale(1.5).build();
    }

    /** A builder; both checkpoints are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The request defaults. */
    public Pix2PixRequest defaults() {
        return ip2p.defaults();
    }

    /** Edits {@code image} with the default request, {@code instruction} and {@code action}. */
    public InpaintResult edit(RgbImage image, String instruction, ZoneAction action) {
        Checks.notBlank("instruction", instruction);
        return edit(image, ip2p.defaults().toBuilder().instruction(instruction).build(), action, ProgressListener.NONE, null);
    }

    /**
     * Edits {@code image} as {@code request} says with the fused step for {@code action}, reporting
     * each step to {@code listener}; stops at the next step once {@code cancel} (nullable) is cancelled.
     */
    public InpaintResult edit(RgbImage image, Pix2PixRequest request, ZoneAction action, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("action", action);
        double beta = action.blendWeight(removeBeta);
        return ip2p.run(image, request, new Pix2PixPipeline.Fusion(magicBrush.unet(), (float) beta), null, BACKEND,
                Map.of("magicbrush/" + ModelPart.UNET.relativePath(), magicBrushHash),
                Map.of("action", action.name(), "blendBeta", Double.toString(beta)), listener, cancel).result();
    }

    /**
     * As {@link #edit(RgbImage, Pix2PixRequest, ZoneAction, ProgressListener, CancellationToken)}, also
     * recording the InstructPix2Pix UNet's cross-attention every step and returning ZONE's coarse
     * mask (see {@link dev.brushedit.blend.ZoneCoarseMask}) at the image's size.
     *
     * @throws ModelException when the InstructPix2Pix UNet was exported without
     *     {@code --cross-attention-outputs}
     */
    public Localised editAndLocalise(RgbImage image, Pix2PixRequest request, ZoneAction action, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("action", action);
        Checks.notNull("request", request);
        if (ip2p.pipeline().unet().crossAttentionOutputs().isEmpty()) {
            throw new ModelException("the InstructPix2Pix UNet has no cross-attention outputs, so ZONE's coarse mask cannot be "
                    + "made; re-export it with `python -m brushedit_export ... --cross-attention-outputs`");
        }
        double beta = action.blendWeight(removeBeta);
        AttentionRecord attention = new AttentionRecord();
        InstructPix2Pix.Ran ran = ip2p.run(image, request, new Pix2PixPipeline.Fusion(magicBrush.unet(), (float) beta), attention,
                BACKEND, Map.of("magicbrush/" + ModelPart.UNET.relativePath(), magicBrushHash),
                Map.of("action", action.name(), "blendBeta", Double.toString(beta)), listener, cancel);
        int w = ran.region().paddedWidth();
        int h = ran.region().paddedHeight();
        Mask work = attention.coarseMask(h / 32, w / 32, ip2p.pipeline().endToken(request.instruction()), w, h);
        Mask unpadded = ran.region().padded()
                ? work.crop(new dev.brushedit.core.image.Box(0, 0, ran.region().width(), ran.region().height())) : work;
        Mask coarse = ran.region().unscaled() ? unpadded
                : unpadded.resize(image.width(), image.height(), dev.brushedit.core.tensor.Interpolation.NEAREST);
        return new Localised(ran.result(), coarse);
    }

    /**
     * A fused edit and ZONE's coarse mask.
     *
     * <p>Thread-safety: immutable.
     *
     * @param edit the edited image and its provenance
     * @param coarseMask ZONE's coarse mask from the cross-attention, the image's size, 1 where ZONE's
     *     code returns white
     */
    public record Localised(InpaintResult edit, Mask coarseMask) {
        /** Validates that neither is null. */
        public Localised {
            Checks.notNull("edit", edit);
            Checks.notNull("coarseMask", coarseMask);
        }
    }

    /** Closes both models' sessions. */
    @Override
    public void close() {
        try {
            ip2p.close();
        } finally {
            magicBrush.close();
        }
    }

    /**
     * Builds {@link FusedInstructPix2Pix}; {@link #build()} refuses a pair of different families
     * before any work.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private final InstructPix2Pix.Builder ip2p = InstructPix2Pix.builder().defaults(zoneDefaults());
        private Path checkpoint;
        private Path magicBrush;
        private ExecutionOptions executionOptions = ExecutionOptions.defaults();
        private double removeBeta = 0.2;

        private Builder() {}

        /** The InstructPix2Pix folder (its text encoder, VAE and scheduler config serve both UNets). */
        public Builder checkpoint(Path checkpoint) {
            this.checkpoint = Checks.notNull("checkpoint", checkpoint);
            ip2p.checkpoint(checkpoint);
            return this;
        }

        /** The MagicBrush folder (only its UNet is used). */
        public Builder magicBrush(Path magicBrush) {
            this.magicBrush = Checks.notNull("magicBrush", magicBrush);
            return this;
        }

        /** The blend weight of REMOVE edits, 0 to 10 (default 0.2, ZONE's {@code --blend_beta}). */
        public Builder removeBeta(double beta) {
            this.removeBeta = Checks.inRange("removeBeta", beta, 0.0, 10.0);
            return this;
        }

        /** The request defaults (default {@link #zoneDefaults()}). */
        public Builder defaults(Pix2PixRequest defaults) {
            ip2p.defaults(defaults);
            return this;
        }

        /** ONNX Runtime execution options for both models. */
        public Builder executionOptions(ExecutionOptions options) {
            this.executionOptions = Checks.notNull("executionOptions", options);
            ip2p.executionOptions(options);
            return this;
        }

        /** Input limits (default {@link dev.brushedit.core.InputLimits#defaults()}). */
        public Builder limits(dev.brushedit.core.InputLimits limits) {
            ip2p.limits(limits);
            return this;
        }

        /** The clock stamped into provenance. */
        public Builder clock(java.time.Clock clock) {
            ip2p.clock(clock);
            return this;
        }

        /** Where seeds come from when a request has none (default a SecureRandom). */
        public Builder seeds(java.util.function.LongSupplier seeds) {
            ip2p.seeds(seeds);
            return this;
        }

        /**
         * Opens both models.
         *
         * @throws InvalidInputException when a checkpoint is missing
         * @throws ModelException when either UNet is not an 8-channel InstructPix2Pix-family UNet or
         *     their text-embedding widths differ (a pair of different families)
         */
        public FusedInstructPix2Pix build() {
            if (checkpoint == null || magicBrush == null) {
                throw new InvalidInputException("ZONE's fused denoising needs both checkpoints; call checkpoint(ip2p) and "
                        + "magicBrush(folder)");
            }
            ModelFolder mb = ModelFolder.open(magicBrush, executionOptions);
            InstructPix2Pix opened = null;
            try {
                if (!mb.has(ModelPart.UNET)) {
                    throw new ModelException("MagicBrush folder " + magicBrush + " has no unet/model.onnx");
                }
                Unet mbUnet = mb.unet();
                if (!mbUnet.isInstructPix2Pix()) {
                    throw new ModelException("MagicBrush folder " + magicBrush + ": unet/model.onnx has " + mbUnet.inChannels()
                            + " input channels; ZONE fuses two 8-channel InstructPix2Pix-family UNets");
                }
                opened = ip2p.build();
                Unet ipUnet = opened.pipeline().unet();
                if (ipUnet.contextDim() != mbUnet.contextDim() || ipUnet.precision() != mbUnet.precision()) {
                    throw new ModelException("InstructPix2Pix " + checkpoint + " and MagicBrush " + magicBrush + " are of different "
                            + "families: text-embedding width " + ipUnet.contextDim() + " vs " + mbUnet.contextDim() + ", precision "
                            + ipUnet.precision() + " vs " + mbUnet.precision() + "; export both from the same base "
                            + "(MagicBrush is a fine-tune of InstructPix2Pix) at the same precision");
                }
                return new FusedInstructPix2Pix(opened, mb, removeBeta);
            } catch (RuntimeException e) {
                mb.close();
                if (opened != null) {
                    opened.close();
                }
                throw e;
            }
        }
    }
}
