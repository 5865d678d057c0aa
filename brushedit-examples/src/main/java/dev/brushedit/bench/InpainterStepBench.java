package dev.brushedit.bench;

import static dev.brushedit.bench.StepStats.heapPeakMb;
import static dev.brushedit.bench.StepStats.median;
import static dev.brushedit.bench.StepStats.ms;
import static dev.brushedit.bench.StepStats.msList;
import static dev.brushedit.bench.StepStats.pct;
import static dev.brushedit.bench.StepStats.residentPeak;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.BlendOptions;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.models.BrushNet;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-step cost of BrushNet inpainting through the public {@link Inpainter}, on a folder with SD1.5's
 * real UNet and BrushNet sizes (random weights, {@code tools/bench/make_step_graphs.py}). A bench main,
 * not JMH: one step takes seconds on a CPU.
 *
 * <p>It runs a warm-up inpainting (sessions opened, shapes learned, buffers allocated, code compiled),
 * then the same again, measured: {@code --steps} DDIM steps with guidance 7.5, and reports per step: wall time
 * (between consecutive progress callbacks, so steps 2..N), ONNX Runtime time (the calling thread's
 * {@link dev.brushedit.models.internal.GraphSession#threadRuntimeNanos()} over the same interval), Java overhead = wall - runtime,
 * and the Inpainter's own stage split (BrushNet, UNet or fused graph, scheduler: totals over all the
 * measured steps, as means and as shares of their sum). Then, when the folder has {@code brushnet/}, BrushNet alone at
 * batch 1 and at batch 2 (what the Inpainter would run without the batch-1 broadcast), and the peak heap
 * (sum of the heap pools' peaks) and the process's peak resident memory.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.InpainterStepBench \
 *     --checkpoint DIR [--separate] [--size 256] [--steps 4] [--calls 3] [--threads 0]
 * </pre>
 * {@code --separate} forces the separate graphs ({@code brushnet/} + {@code unet/}) when the folder also
 * has the fused one.
 *
 * <p>Thread-safety: a command-line program; not for concurrent use.
 */
public final class InpainterStepBench {
    private static final Logger LOG = LoggerFactory.getLogger(InpainterStepBench.class);

    private InpainterStepBench() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = BenchArgs.parse(args, "separate");
        Path checkpoint = Path.of(a.getOrDefault("checkpoint", "target/bench/sd15-size-separate"));
        boolean separate = a.containsKey("separate");
        int size = Integer.parseInt(a.getOrDefault("size", "256"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "4"));
        int calls = Integer.parseInt(a.getOrDefault("calls", "3"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "0"));
        ExecutionOptions options = ExecutionOptions.builder().intraOpThreads(threads).build();

        RgbImage image = gradient(size, size);
        Mask mask = Mask.ofBox(size, size, new Box(size / 4, size / 4, size * 3 / 4, size * 3 / 4));
        InpaintRequest measured = InpaintRequest.builder().prompt("a red apple on a table").negativePrompt("blurry")
                .steps(steps).guidanceScale(7.5).scheduler(SchedulerType.DDIM).seed(1).strategy(LargeImageStrategy.original())
                .blend(BlendOptions.HARD).build();
        Inpainter.Builder builder = Inpainter.builder().checkpoint(checkpoint).backend(Inpainter.Backend.BRUSHNET)
                .executionOptions(options);
        if (separate) {
            builder.brushnet(checkpoint.resolve("brushnet"));
        }
        StepStats.StepClock clock = new StepStats.StepClock();
        InpaintResult result;
        String backend;
        try (Inpainter inpainter = builder.build()) {
            backend = inpainter.backendName();
            long t0 = System.nanoTime();
            inpainter.inpaint(image, mask, measured);
            LOG.info("warm-up ({} at {}x{}, {} steps) took {} ms", backend, size, size, steps, (System.nanoTime() - t0) / 1_000_000);
            result = inpainter.inpaint(image, mask, measured, clock, null);
        }
        Map<String, Duration> stages = result.provenance().stageTimings();
        double wall = median(clock.walls);
        double runtime = median(clock.runtimes);
        double overhead = median(clock.overheads());
        LOG.info("RESULT backend {}, image {}x{} (latents {}x{}), {} DDIM steps with guidance (batch 2), threads {}", backend,
                size, size, size / 8, size / 8, steps, threads == 0 ? "runtime default" : threads);
        LOG.info("RESULT step wall (median of steps 2..{}): {} ms; all: {}", steps, ms(wall), msList(clock.walls));
        LOG.info("RESULT ONNX Runtime time per step (median): {} ms; Java overhead (wall - runtime) median {} ms = {} % of the step;"
                + " per step: {}", ms(runtime), ms(overhead), pct(overhead / wall), msList(clock.overheads()));
        List<String> stepStages = List.of("brushnet", "unet", "unet+brushnet", "scheduler");
        double staged = stepStages.stream().filter(stages::containsKey).mapToLong(k -> stages.get(k).toNanos()).sum();
        for (String stage : stepStages) {
            if (stages.containsKey(stage)) {
                double total = stages.get(stage).toNanos();
                LOG.info("RESULT stage {}: {} ms per step (mean of all {} steps) = {} % of the staged step time", stage,
                        ms(total / steps), steps, pct(total / staged));
            }
        }
        if (separate || Files.isRegularFile(checkpoint.resolve("brushnet/model.onnx"))) {
            brushnetBatchRatio(checkpoint, options, size / 8, calls, wall);
        }
        LOG.info("RESULT peak heap {} MB (sum of heap pool peaks); peak resident memory {}", heapPeakMb(), residentPeak());
    }

    private static void brushnetBatchRatio(Path checkpoint, ExecutionOptions options, int latent, int calls, double stepWall) {
        try (ModelFolder folder = ModelFolder.open(checkpoint, options)) {
            if (!folder.has(ModelPart.BRUSHNET)) {
                return;
            }
            BrushNet net = folder.brushNet();
            TorchGenerator random = new TorchGenerator(7);
            Tensor one = random.randn(1, 4, latent, latent);
            Tensor cond = random.randn(1, 5, latent, latent);
            Tensor two = Tensor.concat(0, one, one);
            Tensor cond2 = Tensor.concat(0, cond, cond);
            net.features(one, 501f, cond, 1f, null);
            net.features(two, 501f, cond2, 1f, null);
            List<Long> b1 = new ArrayList<>();
            List<Long> b2 = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long s = System.nanoTime();
                net.features(one, 501f, cond, 1f, null);
                b1.add(System.nanoTime() - s);
                s = System.nanoTime();
                net.features(two, 501f, cond2, 1f, null);
                b2.add(System.nanoTime() - s);
            }
            double m1 = median(b1);
            double m2 = median(b2);
            LOG.info("RESULT BrushNet alone, median of {} calls: batch 1 {} ms, batch 2 {} ms, ratio batch2/batch1 {}; batch 1 saves "
                    + "{} ms per step = {} % of a step that ran it at batch 2", calls, ms(m1), ms(m2), String.format("%.2f", m2 / m1),
                    ms(m2 - m1), pct((m2 - m1) / (stepWall - m1 + m2)));
            double f1 = b1.stream().mapToLong(Long::longValue).min().orElseThrow();
            double f2 = b2.stream().mapToLong(Long::longValue).min().orElseThrow();
            LOG.info("RESULT BrushNet fastest calls: batch 1 {} ms, batch 2 {} ms, ratio {}, saving {} % of a batch-2 step; all batch 1:"
                    + " {}; batch 2: {}", ms(f1), ms(f2), String.format("%.2f", f2 / f1), pct((f2 - f1) / (stepWall - f1 + f2)),
                    msList(b1), msList(b2));
        }
    }

    /** A smooth RGB gradient of {@code w x h}. */
    static RgbImage gradient(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (x * 255 / w);
                rgb[i + 1] = (byte) (y * 255 / h);
                rgb[i + 2] = (byte) ((x + y) * 127 / (w + h));
            }
        }
        return RgbImage.of(w, h, rgb);
    }
}
