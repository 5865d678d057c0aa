package dev.brushedit.inpaint.internal;

import dev.brushedit.core.ModelException;
import dev.brushedit.models.BrushNet;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import dev.brushedit.models.Unet;
import dev.brushedit.models.VaeEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the diffusion backend a checkpoint (and optional BrushNet folder) supports, checking that the
 * pair fits before any work starts.
 *
 * <p>Thread-safety: stateless.
 */
public final class DiffusionBackends {
    private static final Logger LOG = LoggerFactory.getLogger(DiffusionBackends.class);

    private DiffusionBackends() {}

    /** Opens the folders and the backend {@code choice} resolves to; closes what it opened on failure. */
    public static InpaintBackend open(Path checkpoint, Path brushnet, DiffusionChoice choice, ExecutionOptions options,
            VaeEncoder.Sampling conditionSampling) {
        ModelFolder folder = ModelFolder.open(checkpoint, options);
        ModelFolder branch = null;
        try {
            if (brushnet != null) {
                Path root = Files.isRegularFile(brushnet.resolve("model.onnx")) ? brushnet.toAbsolutePath().getParent() : brushnet;
                branch = ModelFolder.open(root, options);
                if (!branch.has(ModelPart.BRUSHNET)) {
                    throw new ModelException("BrushNet folder " + brushnet + " has no brushnet/model.onnx (or model.onnx); "
                            + "export it with `python -m brushedit_export --brushnet ...` (see tools/exporter/README.md)");
                }
            }
            DiffusionKind kind = choose(folder, branch, choice);
            if (kind == DiffusionKind.BRUSHNET_SEPARATE) {
                BrushNet net = (branch != null ? branch : folder).brushNet();
                net.requireCompatible(folder.unet());
            }
            LOG.info("inpainting with {} from {}{}", kind.label(), checkpoint, branch == null ? "" : " and BrushNet " + brushnet);
            return new DiffusionBackend(kind, folder, branch, conditionSampling);
        } catch (RuntimeException e) {
            folder.close();
            if (branch != null) {
                branch.close();
            }
            throw e;
        }
    }

    private static DiffusionKind choose(ModelFolder folder, ModelFolder branch, DiffusionChoice choice) {
        boolean fused = branch == null && folder.has(ModelPart.BRUSHNET_UNET);
        boolean separate = (branch != null || folder.has(ModelPart.BRUSHNET)) && folder.has(ModelPart.UNET);
        switch (choice) {
            case AUTO, BRUSHNET -> {
                if (fused) {
                    return DiffusionKind.BRUSHNET_FUSED;
                }
                if (separate) {
                    return DiffusionKind.BRUSHNET_SEPARATE;
                }
                if (choice == DiffusionChoice.AUTO && folder.has(ModelPart.UNET) && folder.unet().isInpainting()) {
                    return DiffusionKind.SD_INPAINTING;
                }
                throw new ModelException("checkpoint " + folder.root() + " has no BrushNet graphs (brushnet_unet/ or brushnet/ with "
                        + "a UNet exported with BrushNet inputs)" + (choice == DiffusionChoice.AUTO ? " and no 9-channel inpainting UNet" : "")
                        + "; export one with `python -m brushedit_export --brushnet ...` (see tools/exporter/README.md)");
            }
            case SD_INPAINTING -> {
                Unet unet = folder.unet();
                if (!unet.isInpainting()) {
                    throw new ModelException("checkpoint " + folder.root() + ": unet/model.onnx has " + unet.inChannels()
                            + " input channels; the SD inpainting backend needs the 9-channel inpainting UNet");
                }
                return DiffusionKind.SD_INPAINTING;
            }
            default -> throw new IllegalStateException("unhandled choice " + choice);
        }
    }
}
