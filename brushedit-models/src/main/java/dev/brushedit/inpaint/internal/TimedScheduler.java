package dev.brushedit.inpaint.internal;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;

/**
 * A scheduler whose {@link #step} and {@link #scaleModelInput} time goes into a {@link StageTimer}'s
 * {@code "scheduler"} stage; everything else is delegated unchanged.
 *
 * <p>Thread-safety: as the wrapped scheduler (not thread-safe).
 */
public final class TimedScheduler implements Scheduler {
    private final Scheduler delegate;
    private final StageTimer timer;

    /** Wraps {@code delegate}, timing into {@code timer}. */
    public TimedScheduler(Scheduler delegate, StageTimer timer) {
        this.delegate = delegate;
        this.timer = timer;
    }

    @Override
    public SchedulerType type() {
        return delegate.type();
    }

    @Override
    public SchedulerConfig config() {
        return delegate.config();
    }

    @Override
    public void setTimesteps(int steps, double strength) {
        delegate.setTimesteps(steps, strength);
    }

    @Override
    public float[] timesteps() {
        return delegate.timesteps();
    }

    @Override
    public float[] sigmas() {
        return delegate.sigmas();
    }

    @Override
    public float initNoiseSigma() {
        return delegate.initNoiseSigma();
    }

    @Override
    public Tensor scaleModelInput(Tensor sample, float timestep) {
        return timer.time("scheduler", () -> delegate.scaleModelInput(sample, timestep));
    }

    @Override
    public Tensor step(Tensor modelOutput, float timestep, Tensor sample, RandomSource random) {
        return timer.time("scheduler", () -> delegate.step(modelOutput, timestep, sample, random));
    }

    @Override
    public Tensor addNoise(Tensor original, Tensor noise, float timestep) {
        return delegate.addNoise(original, noise, timestep);
    }

    @Override
    public int modelEvaluationsPerStep() {
        return delegate.modelEvaluationsPerStep();
    }
}
