package dev.brushedit.core.scheduler;

/**
 * The keys of a diffusers {@code scheduler_config.json} that the schedulers read.
 *
 * <p>Thread-safety: immutable.
 */
public final class SchedulerConfig {
    private final int numTrainTimesteps;

    private SchedulerConfig(int numTrainTimesteps) {
        this.numTrainTimesteps = numTrainTimesteps;
    }

    /** Stable Diffusion 1.5's shipped configuration. */
    public static SchedulerConfig stableDiffusion15() {
        return new SchedulerConfig(1000);
    }

    /** Number of diffusion steps the model was trained with. */
    public int numTrainTimesteps() {
        return numTrainTimesteps;
    }
}
