package dev.brushedit.bench;

import static dev.brushedit.bench.StepStats.heapPeakMb;
import static dev.brushedit.bench.StepStats.median;
import static dev.brushedit.bench.StepStats.ms;
import static dev.brushedit.bench.StepStats.msList;
import static dev.brushedit.bench.StepStats.pct;
import static dev.brushedit.bench.StepStats.residentPeak;

import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.MimicBrushUnet;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.internal.GraphSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-step cost of MimicBrush's fused step ({@code mimicbrush_unet/model.onnx}: the reference UNet at batch 1 and
 * the 13-channel imitative UNet on the guidance batch of 2, in one session) through the public
 * {@link MimicBrushUnet}, on a folder with SD1.5's real UNet sizes (random weights,
 * {@code tools/bench/make_mimicbrush_step_graph.py}). A bench main, not JMH: a step takes minutes on a CPU.
 *
 * <p>Each step assembles the guidance batch {@code [x; x] | hole | masked-source latents | depth feature} (13
 * channels), runs the graph with 257 image-prompt tokens and the reference latents, applies the guidance
 * {@code u + g (c - u)} and a latent update; inputs are seeded random tensors (they do not change the graph's work).
 * It runs {@code --warmup-steps} steps (default 1: shapes learned, buffers allocated; the session is opened before it), then {@code --steps} steps
 * (default 2), and reports per measured step the wall time, the calling thread's ONNX Runtime time, the Java
 * overhead (wall - runtime) and its share, and the peak heap and resident memory. Its peer is
 * {@code tools/bench/ort_step_bench.py --mimicbrush} (the same graph and feeds in Python ONNX Runtime).
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.MimicBrushStepBench \
 *     --checkpoint DIR [--size 512] [--steps 2] [--warmup-steps 1] [--threads 0]
 * </pre>
 *
 * <p>Thread-safety: a command-line program; not for concurrent use.
 */
public final class MimicBrushStepBench {
    private static final Logger LOG = LoggerFactory.getLogger(MimicBrushStepBench.class);
    private static final int TOKENS = 257;
    private static final float GUIDANCE = 5f;

    private MimicBrushStepBench() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Map<String, String> a = BenchArgs.parse(args);
        Path checkpoint = Path.of(a.getOrDefault("checkpoint", "target/bench/mimicbrush"));
        int size = Integer.parseInt(a.getOrDefault("size", "512"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "2"));
        int warmupSteps = Integer.parseInt(a.getOrDefault("warmup-steps", "1"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "0"));
        ExecutionOptions options = ExecutionOptions.builder().intraOpThreads(threads).build();
        int h = size / 8;
        Random random = new Random(1);
        Tensor condition = Tensor.concat(1, gaussian(random, 2, 1, h, h), gaussian(random, 2, 8, h, h));
        Tensor reference = gaussian(random, 1, 4, h, h);
        Tensor x = gaussian(random, 1, 4, h, h);
        LOG.info("RESULT load average before: {}", EditBench.loadAverage());
        List<Long> walls = new ArrayList<>();
        List<Long> runtimes = new ArrayList<>();
        try (ModelFolder folder = ModelFolder.open(checkpoint, options)) {
            MimicBrushUnet unet = folder.mimicBrushUnet();
            int width = unet.embeddingWidth() > 0 ? unet.embeddingWidth() : 768;
            Tensor embeddings = gaussian(random, 2, TOKENS, width);
            long t0 = System.nanoTime();
            for (int i = 0; i < warmupSteps; i++) {
                x = step(unet, x, condition, embeddings, reference, 901 - 20 * i);
            }
            LOG.info("warm-up ({} steps at {}x{}, after the session opened) took {} ms", warmupSteps, size, size,
                    (System.nanoTime() - t0) / 1_000_000);
            for (int i = 0; i < steps; i++) {
                long wall = System.nanoTime();
                long runtime = GraphSession.threadRuntimeNanos();
                x = step(unet, x, condition, embeddings, reference, 801 - 20 * i);
                walls.add(System.nanoTime() - wall);
                runtimes.add(GraphSession.threadRuntimeNanos() - runtime);
            }
        }
        List<Long> overheads = new ArrayList<>();
        for (int i = 0; i < walls.size(); i++) {
            overheads.add(walls.get(i) - runtimes.get(i));
        }
        double wall = median(walls);
        double runtime = median(runtimes);
        double overhead = median(overheads);
        LOG.info("RESULT MimicBrush fused step at {}x{} (latents {}x{}): reference UNet batch 1 + imitative UNet batch 2, {} measured "
                + "steps, threads {}", size, size, h, h, steps, threads == 0 ? "runtime default" : threads);
        LOG.info("RESULT step wall (median of {} steps): {} ms; all: {}", steps, ms(wall), msList(walls));
        LOG.info("RESULT ONNX Runtime time per step (median): {} ms; all: {}", ms(runtime), msList(runtimes));
        LOG.info("RESULT Java overhead (wall - runtime) median {} ms = {} % of the ONNX Runtime time; per step: {}", ms(overhead),
                pct(overhead / runtime), msList(overheads));
        LOG.info("RESULT peak heap {} MB (sum of heap pool peaks); peak resident memory {}; load average after: {}", heapPeakMb(),
                residentPeak(), EditBench.loadAverage());
    }

    private static Tensor step(MimicBrushUnet unet, Tensor x, Tensor condition, Tensor embeddings, Tensor reference, float t) {
        Tensor sample = Tensor.concat(1, Tensor.concat(0, x, x), condition);
        Tensor eps = unet.predict(sample, t, embeddings, reference, "unet");
        Tensor uncond = eps.slice(0, 0, 1);
        Tensor guided = uncond.add(eps.slice(0, 1, 2).sub(uncond).scaleInPlace(GUIDANCE));
        return x.copy().axpyInPlace(-0.01f, guided);
    }

    private static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.setFlat(i, (float) random.nextGaussian());
        }
        return t;
    }
}
