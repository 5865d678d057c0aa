package dev.brushedit.bench;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.GrabCut;
import java.nio.file.Path;
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
 * The weight-free GrabCut segmenter (5 iterations, the defaults) on the 512x512 astronaut photo
 * (samples/astronaut.png, or the file named by {@code image}), single thread, for the box given by
 * {@code box} as {@code x0,y0,x1,y1}: by default the centred box of half the image's width and height,
 * and the whole-astronaut box of the GrabCut reference set. The peer is OpenCV's {@code cv2.grabCut} on
 * the same image and boxes, timed by {@code tools/eval/grabcut_bench.py}.
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class GrabCutBench {
    /** The photograph. */
    @Param("samples/astronaut.png")
    public String image;

    /** The box, {@code x0,y0,x1,y1} (exclusive ends). */
    @Param({"128,128,384,384", "18,12,368,512"})
    public String box;

    private RgbImage input;
    private Box region;
    private GrabCut grabCut;

    /** Reads the image and parses the box. */
    @Setup
    public void setUp() {
        input = ImageFiles.read(Path.of(image));
        String[] v = box.split(",");
        region = new Box(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
        grabCut = GrabCut.builder().build();
    }

    /** One segmentation. */
    @Benchmark
    public Mask segment() {
        return grabCut.segment(input, region);
    }
}
