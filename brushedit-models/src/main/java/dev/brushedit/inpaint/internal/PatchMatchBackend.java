package dev.brushedit.inpaint.internal;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The weight-free backend: PatchMatch fills the hole from the image itself; the prompt is ignored.
 * Each output uses seed, seed + 1, ...
 *
 * <p>Thread-safety: safe for concurrent use (PatchMatchInpainter is immutable).
 */
public final class PatchMatchBackend implements InpaintBackend {
    private final PatchMatchInpainter template;

    /** A backend running {@code template} with each request's seed. */
    public PatchMatchBackend(PatchMatchInpainter template) {
        this.template = template;
    }

    @Override
    public String name() {
        return "patchmatch";
    }

    @Override
    public int sizeMultiple() {
        return 1;
    }

    @Override
    public Map<String, String> modelHashes() {
        return Map.of();
    }

    @Override
    public boolean followsPrompt() {
        return false;
    }

    @Override
    public String schedulerConfigJson() {
        return "";
    }

    @Override
    public List<RgbImage> generate(RgbImage image, Mask mask, BackendJob request, long seed, StepListener listener,
            BooleanSupplier cancel, StageTimer timer) {
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < request.numOutputs(); i++) {
            Cancellation.check(cancel, "patchmatch output " + (i + 1));
            PatchMatchInpainter pm = template.toBuilder().seed(seed + i).build();
            out.add(timer.time("patchmatch", () -> pm.inpaint(image, mask)));
            listener.onStep(i + 1, request.numOutputs(), null);
        }
        return out;
    }

    @Override
    public void close() {
        // nothing native
    }
}
