package dev.brushedit.inpaint.internal;

import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;

/**
 * What the diffusion backend does to bound a job's resident memory, from {@link ExecutionOptions#lowMemory()} and
 * {@link ExecutionOptions#keepStepMemory()}.
 *
 * <p>Always: the stages that run once per job release their working memory after each run (see {@link ModelFolder}),
 * the denoising graph releases its working memory at the end of the job's last step (so the VAE decoder does not
 * run on top of it; not with {@link ExecutionOptions#keepStepMemory()}, which trades that memory for the next job's
 * first steps), and the VAE works in tiles when one call would need more than {@link #vaeBudget()}. In the
 * low-memory mode the denoising graph also releases after every step and runs the two guidance halves one after
 * the other (half the activations, BrushNet runs twice in the fused graph), the VAE budget is smaller and the VAE
 * sessions are closed after use.
 *
 * <p>Thread-safety: immutable.
 *
 * @param lowMemory whether the low-memory mode is on
 * @param vaeBudget the VAE's working-memory budget per call, bytes
 * @param keepStepMemory whether the denoising graph keeps its working memory from one job to the next
 */
record MemoryPolicy(boolean lowMemory, long vaeBudget, boolean keepStepMemory) {
    /** VAE working-memory budget by default: whole up to about 860x860 pixels (fp32). */
    static final long DEFAULT_VAE_BUDGET = 3L << 30;
    /** VAE working-memory budget in the low-memory mode: 384-pixel tiles (fp32). */
    static final long LOW_MEMORY_VAE_BUDGET = 768L << 20;

    static MemoryPolicy of(ExecutionOptions options) {
        return options.lowMemory() ? new MemoryPolicy(true, LOW_MEMORY_VAE_BUDGET, false)
                : new MemoryPolicy(false, DEFAULT_VAE_BUDGET, options.keepStepMemory());
    }

    /** Whether the guidance batch runs as two batch-1 calls. */
    boolean splitGuidanceBatch() {
        return lowMemory;
    }

    /** Before the last denoising step: its run releases the denoising graph's working memory, unless it is kept. */
    void beforeLastStep(ModelFolder folder, ModelFolder brushnetFolder, DiffusionKind kind) {
        if (keepStepMemory) {
            return;
        }
        switch (kind) {
            case BRUSHNET_FUSED -> folder.releaseWorkingMemoryAfterNextRun(ModelPart.BRUSHNET_UNET);
            case BRUSHNET_SEPARATE -> {
                folder.releaseWorkingMemoryAfterNextRun(ModelPart.UNET);
                (brushnetFolder != null ? brushnetFolder : folder).releaseWorkingMemoryAfterNextRun(ModelPart.BRUSHNET);
            }
            default -> folder.releaseWorkingMemoryAfterNextRun(ModelPart.UNET);
        }
    }

    /** After a once-per-job stage: in the low-memory mode its session is closed (reopened by the next job). */
    void afterStage(ModelFolder folder, ModelPart part) {
        if (lowMemory) {
            folder.release(part);
        }
    }
}
