package dev.brushedit.bench;

import static dev.brushedit.bench.StepStats.heapPeakMb;
import static dev.brushedit.bench.StepStats.median;
import static dev.brushedit.bench.StepStats.ms;
import static dev.brushedit.bench.StepStats.msList;
import static dev.brushedit.bench.StepStats.pct;
import static dev.brushedit.bench.StepStats.residentPeak;

import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.InstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.pix2pix.ZoneAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-step cost of InstructPix2Pix editing (three-way guidance: the 8-channel UNet at batch 3) and of ZONE's fused
 * step (the InstructPix2Pix UNet with its cross-attention outputs plus the MagicBrush UNet, both at batch 3, the
 * latent blend and the attention accumulation), through the public {@link InstructPix2Pix} and
 * {@link FusedInstructPix2Pix}, on a folder with SD1.5's real UNet sizes and 8 input channels (random weights,
 * {@code tools/bench/make_step_graphs.py --variant ip2p}). A bench main, not JMH: a step takes seconds on a CPU.
 *
 * <p>It runs a warm-up edit of {@code --warmup-steps} steps (default 1: sessions opened, shapes learned, code
 * compiled), then the edit measured, and reports per step (steps 2..N, between consecutive
 * progress callbacks) the wall time, the calling thread's ONNX Runtime time, the Java overhead (wall - runtime:
 * tensor copies in and out of the sessions, guidance, the scheduler, the blend, the attention sums), that overhead
 * as a share of the runtime, the pipeline's stage split, and the peak heap and resident memory. Its peer is
 * {@code tools/bench/ort_step_bench.py} (the same UNet runs in Python ONNX Runtime on the same graphs).
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.Pix2PixStepBench \
 *     --checkpoint DIR [--zone] [--magicbrush DIR] [--size 512] [--steps 3] [--warmup-steps 1] [--threads 0]
 * </pre>
 * {@code --zone} measures the fused step, with {@code --magicbrush} as the second UNet (default: the checkpoint
 * itself, opened as a second session: the same work as a real MagicBrush folder); without it, plain
 * InstructPix2Pix (Euler ancestral, its default) is measured. ZONE uses DPM-Solver++ as ZONE does.
 *
 * <p>Thread-safety: a command-line program; not for concurrent use.
 */
public final class Pix2PixStepBench {
    private static final Logger LOG = LoggerFactory.getLogger(Pix2PixStepBench.class);

    private Pix2PixStepBench() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        Map<String, String> a = BenchArgs.parse(args, "zone");
        Path checkpoint = Path.of(a.getOrDefault("checkpoint", "target/bench/ip2p"));
        boolean zone = a.containsKey("zone");
        Path magicBrush = Path.of(a.getOrDefault("magicbrush", checkpoint.toString()));
        int size = Integer.parseInt(a.getOrDefault("size", "512"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "3"));
        int warmupSteps = Integer.parseInt(a.getOrDefault("warmup-steps", "1"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "0"));
        ExecutionOptions options = ExecutionOptions.builder().intraOpThreads(threads).build();
        RgbImage image = InpainterStepBench.gradient(size, size);
        Pix2PixRequest request = Pix2PixRequest.builder().instruction("make it winter").steps(steps).guidanceScale(7.5)
                .imageGuidanceScale(1.5).seed(1).scheduler(zone ? SchedulerType.DPM_SOLVER_MULTISTEP : SchedulerType.EULER_ANCESTRAL)
                .strategy(LargeImageStrategy.original()).build();
        Pix2PixRequest warmup = request.toBuilder().steps(warmupSteps).build();
        LOG.info("RESULT load average before: {}", EditBench.loadAverage());
        StepStats.StepClock clock = new StepStats.StepClock();
        InpaintResult result;
        long t0 = System.nanoTime();
        if (zone) {
            try (FusedInstructPix2Pix fused = FusedInstructPix2Pix.builder().checkpoint(checkpoint).magicBrush(magicBrush)
                    .executionOptions(options).build()) {
                fused.editAndLocalise(image, warmup, ZoneAction.CHANGE, ProgressListener.NONE, null);
                LOG.info("warm-up (ZONE fused at {}x{}, {} steps) took {} ms", size, size, warmupSteps, (System.nanoTime() - t0) / 1_000_000);
                result = fused.editAndLocalise(image, request, ZoneAction.CHANGE, clock, null).edit();
            }
        } else {
            try (InstructPix2Pix ip2p = InstructPix2Pix.builder().checkpoint(checkpoint).executionOptions(options).build()) {
                ip2p.edit(image, warmup);
                LOG.info("warm-up (InstructPix2Pix at {}x{}, {} steps) took {} ms", size, size, warmupSteps, (System.nanoTime() - t0) / 1_000_000);
                result = ip2p.edit(image, request, clock, null);
            }
        }
        double wall = median(clock.walls);
        double runtime = median(clock.runtimes);
        double overhead = median(clock.overheads());
        LOG.info("RESULT {} at {}x{} (latents {}x{}), {} {} steps, UNet batch 3{}, threads {}", zone ? "ZONE fused step" : "InstructPix2Pix",
                size, size, size / 8, size / 8, steps, request.scheduler(), zone ? " x 2 UNets" : "",
                threads == 0 ? "runtime default" : threads);
        LOG.info("RESULT step wall (median of steps 2..{}): {} ms; all: {}", steps, ms(wall), msList(clock.walls));
        LOG.info("RESULT ONNX Runtime time per step (median): {} ms; all: {}", ms(runtime), msList(clock.runtimes));
        LOG.info("RESULT Java overhead (wall - runtime) median {} ms = {} % of the ONNX Runtime time = {} % of the step; per step: {}",
                ms(overhead), pct(overhead / runtime), pct(overhead / wall), msList(clock.overheads()));
        Map<String, Duration> stages = result.provenance().stageTimings();
        for (String stage : List.of("unet", "unet-partner", "scheduler")) {
            if (stages.containsKey(stage)) {
                LOG.info("RESULT stage {}: {} ms per step (mean of all {} steps)", stage, ms(stages.get(stage).toNanos() / (double) steps),
                        steps);
            }
        }
        LOG.info("RESULT peak heap {} MB (sum of heap pool peaks); peak resident memory {}; load average after: {}", heapPeakMb(),
                residentPeak(), EditBench.loadAverage());
    }
}
