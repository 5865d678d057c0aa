package dev.brushedit.edit;

/**
 * Which kind of {@link EditExecutor} an {@link InstructionEditor} runs.
 *
 * <p>Thread-safety: immutable.
 */
public enum ExecutorPreference {
    /**
     * The diffusion inpainter when one is configured; otherwise the first weight-free executor that
     * accepts the plan, then the weight-free inpainter (PatchMatch).
     */
    AUTO,
    /** The inpainter only; an editor whose inpainter is PatchMatch refuses (it follows no prompt). */
    DIFFUSION,
    /** The first weight-free executor that accepts the plan; refuses, with each one's reason, when none does. */
    CLASSICAL
}
