package dev.brushedit.bench;

import dev.brushedit.core.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Element-wise tensor operations on a guidance-batch latent ([2, 4, 64, 64]). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TensorBench {
    private Tensor a;
    private Tensor b;

    /** Allocates the operands. */
    @Setup
    public void setUp() {
        a = Tensor.full(0.5f, 2, 4, 64, 64);
        b = Tensor.full(0.25f, 2, 4, 64, 64);
    }

    /** {@code a += 0.1 * b} in place. */
    @Benchmark
    public Tensor axpy() {
        return a.axpyInPlace(0.1f, b);
    }

    /** Split a guidance batch into its halves. */
    @Benchmark
    public Object splitBatch() {
        return a.split(0, 1, 1);
    }
}
