package dev.brushedit.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.brushedit.core.random.TorchGenerator;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.GraphSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's own profile of the fused BrushNet step ({@code brushnet_unet/}) run from Java, for a node-by-node
 * comparison with Python ONNX Runtime on the same graph ({@code tools/bench/ort_step_profile.py}, which makes the
 * same runs; {@code tools/bench/ort_profile_compare.py} compares the two JSON files). The session has the options
 * {@link dev.brushedit.models.SessionFactory} gives by default (all graph optimizations, threads and arena at
 * ONNX Runtime's defaults) plus profiling; the runs go through {@link GraphSession} as in an edit, with the same
 * shapes as a guided 512 step (batch 2, BrushNet condition at batch 1). Every run's wall time, process CPU time and
 * minor page faults are printed. {@code --shrink-after N,M} ends runs N and M (1-based) with the arena shrinkage
 * run option, as an edit's last step does, so the run after it shows the cost of faulting the memory in again; the
 * first run always ends so, as every first run of a shape does in {@link GraphSession}. {@code --no-mem-pattern}
 * turns ONNX Runtime's memory pattern off (the low-memory mode's setting).
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.StepProfileBench \
 *     --checkpoint DIR [--size 512] [--runs 3] [--shrink-after 3] [--no-mem-pattern]
 *     [--profile target/step-profile-java]
 * </pre>
 *
 * <p>Thread-safety: a command-line program; not for concurrent use.
 */
public final class StepProfileBench {
    private static final Logger LOG = LoggerFactory.getLogger(StepProfileBench.class);

    private StepProfileBench() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws OrtException {
        Map<String, String> a = BenchArgs.parse(args, "no-mem-pattern");
        Path checkpoint = Path.of(a.getOrDefault("checkpoint", "target/bench/sd15-size"));
        int size = Integer.parseInt(a.getOrDefault("size", "512"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        java.util.Set<Integer> shrinkAfter = new java.util.TreeSet<>();
        for (String n : a.getOrDefault("shrink-after", "0").split(",")) {
            shrinkAfter.add(Integer.parseInt(n.strip()));
        }
        String profile = a.getOrDefault("profile", "target/step-profile-java");
        int h = size / 8;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        so.enableProfiling(profile);
        if (a.containsKey("no-mem-pattern")) {
            so.setMemoryPatternOptimization(false);
        }
        TorchGenerator g = new TorchGenerator(1);
        Map<String, GraphSession.Feed> feeds = new LinkedHashMap<>();
        feeds.put("sample", GraphSession.Feed.of(g.randn(2, 4, h, h)));
        feeds.put("timestep", new GraphSession.Feed(Tensor.of(new float[] {501f}, 1), new long[] {1}));
        feeds.put("encoder_hidden_states", GraphSession.Feed.of(g.randn(2, 77, 768)));
        feeds.put("brushnet_cond", GraphSession.Feed.of(g.randn(1, 5, h, h)));
        feeds.put("conditioning_scale", new GraphSession.Feed(Tensor.of(new float[] {1f}, 1), new long[] {1}));
        LOG.info("RESULT java StepProfileBench: size {}, {} runs, shrink after run {}, memory pattern {}, load average {}", size,
                runs, shrinkAfter, !a.containsKey("no-mem-pattern"),
                EditBench.loadAverage());
        try (GraphSession session = new GraphSession(env.createSession(
                checkpoint.resolve("brushnet_unet/model.onnx").toString(), so), "brushnet_unet")) {
            for (int r = 1; r <= runs; r++) {
                if (shrinkAfter.contains(r)) {
                    session.releaseMemoryAfterNextRun();
                }
                ProcessCpu.Sample before = ProcessCpu.now();
                long t0 = System.nanoTime();
                session.run(feeds, List.of("out_sample"), "run " + r);
                long wall = System.nanoTime() - t0;
                ProcessCpu.Sample used = ProcessCpu.now().minus(before);
                LOG.info("RESULT java run {}: wall {} ms, cpu {} ms, minor faults {}, load {}", r,
                        String.format(java.util.Locale.ROOT, "%.1f", wall / 1e6), used.cpuMs(), used.minorFaults(),
                        EditBench.loadAverage());
            }
        } finally {
            so.close();
        }
    }
}
