package dev.brushedit.bench;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.scheduler.Scheduler;
import dev.brushedit.core.scheduler.SchedulerConfig;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scheduler step (scaleModelInput + step) on guidance-batch latents, SD1.5's config. The
 * stochastic schedulers get their noise from a source that hands out one pre-drawn tensor, so
 * the figure is the scheduler's own cost; drawing torch-compatible noise is measured by the
 * random-number benchmarks. The schedule is long (LCM: 50 steps,
 * others 500) and restarts when exhausted, so the multistep solvers run mostly at full order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SchedulerBench {
    /** The scheduler. */
    @Param({"DDIM", "PNDM", "LMS", "EULER", "EULER_ANCESTRAL", "HEUN", "DPM_SOLVER_MULTISTEP", "UNIPC", "LCM",
        "DDPM"})
    public SchedulerType type;

    /** Latent side: 64 for [2,4,64,64] (512 px), 128 for [2,4,128,128] (1024 px). */
    @Param({"64", "128"})
    public int side;

    private Scheduler scheduler;
    private RandomSource random;
    private Tensor sample;
    private Tensor modelOutput;
    private float[] timesteps;
    private int steps;
    private int next;

    /** Builds the scheduler and fixed operands. */
    @Setup
    public void setUp() {
        scheduler = type.create(SchedulerConfig.stableDiffusion15());
        steps = type == SchedulerType.LCM ? 50 : 500;
        TorchGenerator generator = new TorchGenerator(42);
        sample = generator.randn(2, 4, side, side);
        modelOutput = generator.randn(2, 4, side, side).scale(0.5f);
        Tensor noise = generator.randn(2, 4, side, side);
        random = shape -> noise;
        restart();
    }

    private void restart() {
        scheduler.setTimesteps(steps);
        timesteps = scheduler.timesteps();
        next = 0;
    }

    /** One model-evaluation step. */
    @Benchmark
    public Tensor step() {
        if (next == timesteps.length) {
            restart();
        }
        float t = timesteps[next++];
        scheduler.scaleModelInput(sample, t);
        return scheduler.step(modelOutput, t, sample, random);
    }
}
