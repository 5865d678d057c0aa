package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One way of filling a hole at working resolution: BrushNet (fused or separate graphs), the SD
 * inpainting UNet, or PatchMatch. The public {@code Inpainter} does everything around
 * it (validation, cropping, scaling, padding, blending, provenance).
 *
 * <p>Thread-safety: implementations document their own; the Inpainter serialises nothing itself.
 */
public interface InpaintBackend extends AutoCloseable {

    /** Short name recorded in provenance. */
    String name();

    /** Working sizes must be multiples of this (64 for SD1.5 UNets, 1 for PatchMatch). */
    int sizeMultiple();

    /** Model file to SHA-256, for provenance; empty for weight-free backends. */
    Map<String, String> modelHashes();

    /** The scheduler configuration as JSON, or empty for backends without one. */
    String schedulerConfigJson();

    /**
     * True when the fill follows the prompt (the diffusion backends: they also paint new objects and
     * may repaint the whole image); false for a texture fill that ignores it and needs source pixels
     * outside the mask (PatchMatch).
     */
    boolean followsPrompt();

    /**
     * Fills the hole of {@code mask} (1 = hole, binary) in {@code image}, both at a working size that
     * is a multiple of {@link #sizeMultiple()}, and returns {@code request.numOutputs()} images of the
     * same size. Pixels outside the hole may differ; the caller pastes through the mask.
     */
    List<RgbImage> generate(RgbImage image, Mask mask, BackendJob request, long seed, StepListener listener,
            BooleanSupplier cancel, StageTimer timer);

    @Override
    void close();
}
