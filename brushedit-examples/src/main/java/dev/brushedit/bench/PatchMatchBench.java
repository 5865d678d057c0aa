package dev.brushedit.bench;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import java.io.IOException;
import java.nio.file.Path;
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

/**
 * The weight-free PatchMatch inpainter on a 512x512 image with a centred elliptical hole of about
 * 10% of the pixels, single thread (parallelism 1, the default). The image is a synthetic texture
 * (smooth colour waves plus fixed-seed noise), or the photograph named by the {@code image}
 * parameter, which is then resized to 512x512 by nearest neighbour. The {@code structureFill}
 * parameter compares the default with the plain-membrane fill in the same run.
 *
 * <p>Thread-safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PatchMatchBench {
    private static final int SIZE = 512;

    /** Path of a photograph to use instead of the synthetic texture; empty for the texture. */
    @Param("")
    public String image;

    /**
     * Whether the smooth part follows the edges entering the hole (the default, true) or is the
     * plain membrane (false: the previous default), the peer in the same run.
     */
    @Param({"true", "false"})
    public boolean structureFill;

    private RgbImage input;
    private Mask mask;
    private PatchMatchInpainter inpainter;

    /** Builds the image, the hole and the inpainter. */
    @Setup
    public void setUp() throws IOException {
        input = input(image);
        mask = hole();
        inpainter = PatchMatchInpainter.builder().seed(1).parallelism(1).structureFill(structureFill).build();
    }

    /** The 512x512 input: the synthetic texture for an empty path, else the photograph resized. */
    static RgbImage input(String image) throws IOException {
        return image.isEmpty() ? texture() : resize(ImageFiles.read(Path.of(image)));
    }

    /** The centred elliptical hole, 10.0 % of the pixels. */
    static Mask hole() {
        float[] v = new float[SIZE * SIZE];
        double a = 0.2 * SIZE;
        double b = 0.16 * SIZE;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double dx = (x + 0.5 - SIZE / 2.0) / a;
                double dy = (y + 0.5 - SIZE / 2.0) / b;
                v[y * SIZE + x] = dx * dx + dy * dy <= 1 ? 1f : 0f;
            }
        }
        return Mask.of(SIZE, SIZE, v);
    }

    /** One full inpainting call. */
    @Benchmark
    public RgbImage inpaint512() {
        return inpainter.inpaint(input, mask);
    }

    private static RgbImage texture() {
        SplittableRandom rnd = new SplittableRandom(7);
        byte[] px = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    double wave = 60 * Math.sin(x / (9.0 + 4 * c)) * Math.cos(y / (13.0 - 3 * c)) + 40 * Math.sin((x + y) / 40.0);
                    px[3 * (y * SIZE + x) + c] = (byte) Math.max(0, Math.min(255, (int) (128 + wave) + rnd.nextInt(-20, 21)));
                }
            }
        }
        return RgbImage.of(SIZE, SIZE, px);
    }

    private static RgbImage resize(RgbImage src) {
        byte[] px = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sx = x * src.width() / SIZE;
                int sy = y * src.height() / SIZE;
                for (int c = 0; c < 3; c++) {
                    px[3 * (y * SIZE + x) + c] = (byte) src.channel(sx, sy, c);
                }
            }
        }
        return RgbImage.of(SIZE, SIZE, px);
    }
}
