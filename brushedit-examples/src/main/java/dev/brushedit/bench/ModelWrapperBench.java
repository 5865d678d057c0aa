package dev.brushedit.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.SessionFactory;
import dev.brushedit.models.internal.GraphSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model layer's own cost per session call on SD1.5's real tensor sizes (latents [2, 4, 64, 64],
 * context [2, 77, 768], feature maps of 320/640/1280 channels at 64/32/16/8, in and out), on a graph
 * with almost no compute written by {@code tools/bench/make_overhead_graph.py}:
 * {@code runtimeOnly} is ONNX Runtime alone (inputs and pinned outputs prepared once, nothing copied in
 * Java), {@code wrapper} is {@link GraphSession#run} (copy in, pinned run, copy out into new tensors,
 * NaN/Inf check), {@code wrapperInto} is {@link GraphSession#runInto} (the same into reused tensors),
 * {@code naive} creates tensors per call and reads unpinned outputs. The graph path is the system
 * property {@code bench.graph} (default {@code brushedit-examples/target/bench/sd15-shapes.onnx});
 * when absent every benchmark does nothing and a message says how to create it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ModelWrapperBench {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWrapperBench.class);
    private static final int[][] SHAPES = {
        {2, 4, 64, 64}, {1}, {2, 77, 768}, {2, 320, 64, 64}, {2, 640, 32, 32}, {2, 1280, 16, 16}, {2, 1280, 8, 8}};
    private static final String[] INPUTS = {"sample", "timestep", "encoder_hidden_states", "feature_64", "feature_32",
        "feature_16", "feature_8"};
    private static final List<String> OUTPUTS = List.of("out_sample", "out_64", "out_32", "out_16", "out_8");

    private GraphSession wrapped;
    private OrtSession raw;
    private Map<String, GraphSession.Feed> feeds;
    private Map<String, OnnxTensor> rawInputs;
    private Map<String, OnnxTensor> rawOutputs;
    private Map<String, Tensor> destinations;
    private boolean absent;

    /** Opens the graph twice (wrapped and raw) and prepares inputs. */
    @Setup(Level.Trial)
    public void setUp() throws OrtException {
        Path graph = Path.of(System.getProperty("bench.graph", "brushedit-examples/target/bench/sd15-shapes.onnx"));
        if (!Files.isRegularFile(graph)) {
            absent = true;
            LOG.warn("{} is missing; create it with `python tools/bench/make_overhead_graph.py` (skipping)", graph);
            return;
        }
        ExecutionOptions opts = ExecutionOptions.builder().intraOpThreads(1).build();
        SessionFactory factory = new SessionFactory(opts);
        wrapped = new GraphSession(factory.open(graph, "sd15-shapes.onnx", null), "sd15-shapes.onnx");
        raw = factory.open(graph, "sd15-shapes.onnx", null);
        OrtEnvironment env = SessionFactory.environment();
        feeds = new LinkedHashMap<>();
        rawInputs = new HashMap<>();
        Random r = new Random(1);
        for (int i = 0; i < INPUTS.length; i++) {
            Tensor t = Tensor.zeros(SHAPES[i]);
            for (int k = 0; k < t.size(); k++) {
                t.setFlat(k, (float) r.nextGaussian());
            }
            feeds.put(INPUTS[i], GraphSession.Feed.of(t));
            rawInputs.put(INPUTS[i], OnnxTensor.createTensor(env, t.buffer(), toLong(SHAPES[i])));
        }
        rawOutputs = new HashMap<>();
        int[][] outShapes = {SHAPES[0], SHAPES[3], SHAPES[4], SHAPES[5], SHAPES[6]};
        for (int i = 0; i < OUTPUTS.size(); i++) {
            rawOutputs.put(OUTPUTS.get(i), OnnxTensor.createTensor(env, Tensor.zeros(outShapes[i]).buffer(), toLong(outShapes[i])));
        }
        destinations = new HashMap<>(wrapped.run(feeds, OUTPUTS, null));
    }

    private static long[] toLong(int[] s) {
        long[] l = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            l[i] = s[i];
        }
        return l;
    }

    /** Releases native memory. */
    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        if (absent) {
            return;
        }
        wrapped.close();
        raw.close();
        rawInputs.values().forEach(OnnxTensor::close);
        rawOutputs.values().forEach(OnnxTensor::close);
    }

    /** ONNX Runtime alone: prepared inputs, pinned outputs, no Java-side copies. */
    @Benchmark
    public void runtimeOnly(Blackhole bh) throws OrtException {
        if (absent) {
            return;
        }
        Map<String, OnnxValue> pinned = new HashMap<>(rawOutputs);
        try (OrtSession.Result r = raw.run(rawInputs, Set.of(), pinned)) {
            bh.consume(r);
        }
    }

    /** The model layer: inputs copied into reused slots, pinned run, outputs copied out and checked. */
    @Benchmark
    public void wrapper(Blackhole bh) {
        if (absent) {
            return;
        }
        bh.consume(wrapped.run(feeds, OUTPUTS, null));
    }

    /** The model layer writing into reused destination tensors ({@link GraphSession#runInto}). */
    @Benchmark
    public void wrapperInto(Blackhole bh) {
        if (absent) {
            return;
        }
        wrapped.runInto(feeds, destinations, null);
        bh.consume(destinations);
    }

    /** A naive wrapper: tensors created per call, outputs unpinned and copied to heap arrays. */
    @Benchmark
    public void naive(Blackhole bh) throws OrtException {
        if (absent) {
            return;
        }
        OrtEnvironment env = SessionFactory.environment();
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            for (int i = 0; i < INPUTS.length; i++) {
                Tensor t = feeds.get(INPUTS[i]).values();
                float[] copy = t.toArray();
                in.put(INPUTS[i], OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(copy), toLong(SHAPES[i])));
            }
            try (OrtSession.Result r = raw.run(in)) {
                for (String o : OUTPUTS) {
                    java.nio.FloatBuffer fb = ((OnnxTensor) r.get(o).orElseThrow()).getFloatBuffer();
                    float[] a = new float[fb.remaining()];
                    fb.get(a);
                    bh.consume(a);
                }
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }
}
