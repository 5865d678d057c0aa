package dev.brushedit.bench;

import dev.brushedit.blend.Connectivity;
import dev.brushedit.blend.ConnectedComponents;
import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.image.Mask;
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

/**
 * Mask operations on a 1000x1000 (one megapixel) mask: times are per megapixel.
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MorphologyBench {
    private Mask mask;

    /** An ellipse with a grid of holes. */
    @Setup
    public void setUp() {
        Mask m = BlendInputs.mask(1000);
        float[] v = m.toArray();
        for (int i = 0; i < v.length; i++) {
            int x = i % 1000;
            int y = i / 1000;
            if (x % 50 < 5 && y % 40 < 5) {
                v[i] = 0f;
            }
        }
        mask = Mask.of(1000, 1000, v);
    }

    /** Dilation by a 21x21 square. */
    @Benchmark
    public Mask dilateSquare21() {
        return MaskOps.dilate(mask, StructuringElement.square(21), 1);
    }

    /** Closing by a 21x21 square. */
    @Benchmark
    public Mask closeSquare21() {
        return MaskOps.close(mask, StructuringElement.square(21), 1);
    }

    /** Dilation by a disk of radius 10. */
    @Benchmark
    public Mask dilateDisk10() {
        return MaskOps.dilate(mask, StructuringElement.disk(10), 1);
    }

    /** Hole filling. */
    @Benchmark
    public Mask fillHoles() {
        return MaskOps.fillHoles(mask);
    }

    /** 8-connected labelling. */
    @Benchmark
    public ConnectedComponents components() {
        return MaskOps.components(mask, Connectivity.EIGHT);
    }

    /** Gaussian feathering, 21x21. */
    @Benchmark
    public Mask feather21() {
        return MaskOps.feather(mask, 21, 0);
    }
}
