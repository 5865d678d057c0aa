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
 * the same image and boxes, timed by {@code tools/eval/grabcut_bench.py}. {@code scale} enlarges the image by
 * pixel repetition (and the box with it) to show how the time grows with the image.
 *
 * <p>{@link #main} is a bench command that reports each call's wall and thread CPU time (the latter is
 * what one idle core would take, even on a loaded machine):
 * {@code java -cp ...-all.jar dev.brushedit.bench.GrabCutBench IMAGE BOX SCALE CALLS}.
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

    /** Enlargement of the image and the box by pixel repetition (1: as read). */
    @Param("1")
    public int scale;

    private RgbImage input;
    private Box region;
    private GrabCut grabCut;

    /** Reads the image and parses the box. */
    @Setup
    public void setUp() {
        input = enlarge(ImageFiles.read(Path.of(image)), scale);
        region = parseBox(box, scale);
        grabCut = GrabCut.builder().build();
    }

    private static Box parseBox(String text, int scale) {
        String[] v = text.split(",");
        return new Box(scale * Integer.parseInt(v[0].strip()), scale * Integer.parseInt(v[1].strip()),
                scale * Integer.parseInt(v[2].strip()), scale * Integer.parseInt(v[3].strip()));
    }

    private static RgbImage enlarge(RgbImage src, int scale) {
        if (scale == 1) {
            return src;
        }
        int w = src.width() * scale;
        int h = src.height() * scale;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    px[3 * (y * w + x) + c] = (byte) src.channel(x / scale, y / scale, c);
                }
            }
        }
        return RgbImage.of(w, h, px);
    }

    /**
     * Times {@code CALLS} segmentations (after one unmeasured call) of {@code IMAGE} enlarged {@code SCALE} times
     * with the box {@code BOX} ({@code x0,y0,x1,y1} before enlarging), printing wall and thread CPU time.
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: GrabCutBench IMAGE x0,y0,x1,y1 SCALE CALLS");
            System.exit(2);
        }
        int scale = Integer.parseInt(args[2]);
        RgbImage input = enlarge(ImageFiles.read(Path.of(args[0])), scale);
        Box region = parseBox(args[1], scale);
        int calls = Integer.parseInt(args[3]);
        GrabCut grabCut = GrabCut.builder().build();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        grabCut.segment(input, region);
        double wallSum = 0;
        double cpuSum = 0;
        for (int i = 0; i < calls; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long area = grabCut.segment(input, region).area();
            double wallMs = (System.nanoTime() - wall) / 1e6;
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            wallSum += wallMs;
            cpuSum += cpuMs;
            System.out.printf(java.util.Locale.ROOT, "%dx%d box %s: wall %.0f ms, thread CPU %.0f ms, mask %d px%n",
                    input.width(), input.height(), region, wallMs, cpuMs, area);
        }
        System.out.printf(java.util.Locale.ROOT, "mean of %d: wall %.0f ms, thread CPU %.0f ms%n", calls, wallSum / calls,
                cpuSum / calls);
    }

    /** One segmentation. */
    @Benchmark
    public Mask segment() {
        return grabCut.segment(input, region);
    }
}
