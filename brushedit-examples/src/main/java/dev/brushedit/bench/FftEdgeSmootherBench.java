package dev.brushedit.bench;

import dev.brushedit.blend.FftEdgeSmoother;
import dev.brushedit.blend.SmoothedEdit;
import dev.brushedit.blend.ZoneMode;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
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
 * ZONE's FFT edge smoother (mask and composite) on the CPU path, images of {@code size} pixels: a side for squares,
 * {@code WxH} otherwise (photo-shaped sizes whose sides are not powers of two).
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FftEdgeSmootherBench {
    /** Side of the square image, or {@code WxH}. */
    @Param({"512", "1024", "2048", "1000x750", "2000x1500"})
    public String size;

    /** REFERENCE or CORRECTED. */
    @Param({"CORRECTED", "REFERENCE"})
    public String mode;

    private FftEdgeSmoother smoother;
    private RgbImage original;
    private RgbImage edited;
    private Mask mask;

    /** Builds the inputs. */
    @Setup
    public void setUp() {
        smoother = FftEdgeSmoother.builder().mode(ZoneMode.valueOf(mode)).allowGpu(false).build();
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[wh.length - 1]);
        original = BlendInputs.original(w, h);
        edited = BlendInputs.edited(w, h);
        mask = BlendInputs.mask(w, h);
    }

    /** One full smoothing: dilation, FFT low-pass, threshold, closing, filling, composite. */
    @Benchmark
    public SmoothedEdit smooth() {
        return smoother.smooth(original, edited, mask);
    }
}
