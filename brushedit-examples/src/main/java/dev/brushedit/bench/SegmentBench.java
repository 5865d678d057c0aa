package dev.brushedit.bench;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.segment.SamEmbedding;
import dev.brushedit.segment.SamModel;
import dev.brushedit.segment.SamPrompt;
import dev.brushedit.segment.internal.Letterbox;
import dev.brushedit.segment.internal.MaskLogits;
import java.nio.file.Path;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Costs around SAM on a 1024x768 image: {@code samDecode} is one prompt-decoder call of the
 * stand-in SAM (system property {@code bench.sam}, default the test stand-in folder), whose cost is
 * mostly the graph's own upscaling of 4 mask planes to the image size (the same in real SAM);
 * {@code candidatePostprocess} is the Java work per automatic-mask candidate (stability score,
 * bit-set mask, box) on one plane of that size; {@code letterboxSmall} and {@code letterboxLarge} are
 * the encoder's preprocessing (Pillow-style resize, normalise, pad) of a 1024x768 and a 4000x3000 image.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SegmentBench {
    private static final int W = 1024;
    private static final int H = 768;
    private SamModel sam;
    private SamEmbedding embedding;
    private float[] logits;
    private RgbImage small;
    private RgbImage large;
    private final Letterbox letterbox = new Letterbox(1024, new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f}, Float.NaN, true);

    /** Opens the stand-in SAM and makes the inputs. */
    @Setup
    public void setUp() {
        Path folder = Path.of(System.getProperty("bench.sam", "brushedit-models/src/test/resources/standins/segment-tiny/sam"));
        sam = SamModel.open(folder, ExecutionOptions.defaults());
        small = image(W, H, 1);
        large = image(4000, 3000, 2);
        embedding = sam.embed(small);
        Random r = new Random(3);
        logits = new float[W * H];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (r.nextGaussian() * 2);
        }
    }

    private static RgbImage image(int w, int h, long seed) {
        byte[] rgb = new byte[w * h * 3];
        new Random(seed).nextBytes(rgb);
        return RgbImage.of(w, h, rgb);
    }

    /** Closes the sessions. */
    @TearDown
    public void tearDown() {
        sam.close();
    }

    /** One decoder call with a box prompt, masks at 1024x768. */
    @Benchmark
    public Object samDecode() {
        return sam.predict(embedding, SamPrompt.ofBox(new Box(100, 150, 600, 500)));
    }

    /** The Java post-processing of one automatic-mask candidate plane. */
    @Benchmark
    public void candidatePostprocess(Blackhole bh) {
        bh.consume(MaskLogits.stabilityScore(logits, 0, logits.length, 0f, 1f));
        bh.consume(MaskLogits.bits(logits, 0, logits.length, 0f));
        bh.consume(MaskLogits.box(logits, 0, H, W, 0f));
    }

    /** Encoder preprocessing of a 1024x768 image (no resize). */
    @Benchmark
    public Object letterboxSmall() {
        return letterbox.apply(small);
    }

    /** Encoder preprocessing of a 4000x3000 image (area down-scaling to 1024x768). */
    @Benchmark
    public Object letterboxLarge() {
        return letterbox.apply(large);
    }
}
