package dev.brushedit.bench;

import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.tensor.Tensor;
import java.util.SplittableRandom;
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

/** torch-compatible Gaussian noise: one {@code randn} of an SD 1.5 latent at 512 and 1024 pixels. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandnBench {
    /** Latent height and width (image size / 8). */
    @Param({"64", "128"})
    public int side;

    private TorchGenerator generator;
    private SplittableRandom baseline;

    /** Fresh generators per trial; their streams keep advancing across invocations. */
    @Setup
    public void setUp() {
        generator = new TorchGenerator(42);
        baseline = new SplittableRandom(42);
    }

    /** {@code torch.randn(1, 4, side, side)}. */
    @Benchmark
    public Tensor randn() {
        return generator.randn(1, 4, side, side);
    }

    /** Baseline: the same tensor filled from the JDK's {@code SplittableRandom.nextGaussian()} (not torch-compatible). */
    @Benchmark
    public Tensor jdkGaussianBaseline() {
        float[] values = new float[4 * side * side];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) baseline.nextGaussian();
        }
        return Tensor.of(values, 1, 4, side, side);
    }
}
