package dev.brushedit.models.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One ONNX Runtime session with its declared inputs and outputs and reusable native buffers.
 *
 * <p>Every input is written into a {@link Slot} whose {@link OnnxTensor} is created once per shape and
 * reused across calls; outputs are pinned ({@code OrtSession.run(inputs, pinnedOutputs)}) into slots
 * as soon as their shapes are known for an input-shape signature (the first call with a new
 * signature runs unpinned and learns them). Element types follow the graph: float inputs are converted
 * to float16, int64 or int32 where the graph declares them, and outputs back to float32. Each output is
 * checked for NaN and infinity.
 *
 * <p>Thread-safety: {@link #run} is safe for concurrent use; calls are serialised by a lock because
 * the slots are shared state (ONNX Runtime itself parallelises inside a call). {@link #close} must
 * not race with a running call.
 */
public final class GraphSession implements AutoCloseable {
    private static final int MAX_SIGNATURES = 64;
    private static final ThreadLocal<long[]> RUNTIME_NANOS = ThreadLocal.withInitial(() -> new long[1]);
    private final OrtSession session;
    private final String label;
    private final Map<String, TensorInfo> inputs;
    private final Map<String, TensorInfo> outputs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Slot> inputSlots = new HashMap<>();
    private final Map<String, Slot> outputSlots = new HashMap<>();
    private final Map<String, Map<String, long[]>> learnedOutputShapes = new HashMap<>();
    private boolean closed;

    /** Wraps an open session; {@code label} (e.g. {@code "unet/model.onnx"}) prefixes every message. */
    @SuppressWarnings("try") // the permit is held, not used
    public GraphSession(OrtSession session, String label) {
        this.session = session;
        this.label = label;
        try (NativeGate.Permit gate = NativeGate.enter()) {
            this.inputs = tensorInfos(session.getInputInfo(), "input");
            this.outputs = tensorInfos(session.getOutputInfo(), "output");
        } catch (OrtException e) {
            throw new ModelException(label + ": cannot read the graph's inputs and outputs: " + e.getMessage(), e);
        }
    }

    private Map<String, TensorInfo> tensorInfos(Map<String, NodeInfo> infos, String kind) {
        Map<String, TensorInfo> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : infos.entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo)) {
                throw new ModelException(label + ": " + kind + " '" + e.getKey() + "' expected a tensor, found "
                        + e.getValue().getInfo());
            }
            out.put(e.getKey(), (TensorInfo) e.getValue().getInfo());
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Total wall time the calling thread has spent inside ONNX Runtime's {@code OrtSession.run}, over
     * every session, in nanoseconds (monotonic; take differences). It excludes this class's own work
     * (copies in and out, checks), so benchmarks can split a step into runtime and Java time.
     */
    public static long threadRuntimeNanos() {
        return RUNTIME_NANOS.get()[0];
    }

    private static OrtSession.Result timed(OrtSession session, Map<String, OnnxTensor> in, Set<String> wanted,
            Map<String, OnnxValue> pinned) throws OrtException {
        long start = System.nanoTime();
        try {
            return pinned == null ? session.run(in, wanted) : session.run(in, wanted, pinned);
        } finally {
            RUNTIME_NANOS.get()[0] += System.nanoTime() - start;
        }
    }

    /** The file label used in messages, e.g. {@code "unet/model.onnx"}. */
    public String label() {
        return label;
    }

    /** Declared inputs in graph order. */
    public Map<String, TensorInfo> inputs() {
        return inputs;
    }

    /** Declared outputs in graph order. */
    public Map<String, TensorInfo> outputs() {
        return outputs;
    }

    /** The declared input {@code name}; throws {@link ModelException} listing the inputs when absent. */
    public TensorInfo input(String name) {
        TensorInfo info = inputs.get(name);
        if (info == null) {
            throw new ModelException(label + ": missing input '" + name + "'; found inputs " + inputs.keySet());
        }
        return info;
    }

    /** The declared output {@code name}; throws {@link ModelException} listing the outputs when absent. */
    public TensorInfo output(String name) {
        TensorInfo info = outputs.get(name);
        if (info == null) {
            throw new ModelException(label + ": missing output '" + name + "'; found outputs " + outputs.keySet());
        }
        return info;
    }

    /**
     * Runs the graph. {@code feeds} maps input names to float32 values and their shapes; the values are
     * converted to each input's declared type. Returns the {@code wanted} outputs as float32 tensors,
     * each checked to be finite ({@code step} names the caller's step in the error message, may be null).
     */
    public Map<String, Tensor> run(Map<String, Feed> feeds, List<String> wanted, String step) {
        return execute(feeds, wanted, step, null, true);
    }

    /**
     * Like {@link #run} but never pins outputs: for graphs whose output shapes depend on input
     * values, not only on input shapes (SAM's prompt decoder scales its masks to {@code orig_im_size}).
     */
    public Map<String, Tensor> runUnpinned(Map<String, Feed> feeds, List<String> wanted, String step) {
        return execute(feeds, wanted, step, null, false);
    }

    /**
     * Like {@link #run} but copies each output into the caller's tensor in {@code into} (keyed by output
     * name, each of the output's exact shape) instead of allocating: use it for large outputs such as
     * BrushNet feature maps, where allocating direct memory per call costs more than the copy.
     */
    public void runInto(Map<String, Feed> feeds, Map<String, Tensor> into, String step) {
        execute(feeds, List.copyOf(into.keySet()), step, into, true);
    }

    @SuppressWarnings("try") // the permit is held, not used
    private Map<String, Tensor> execute(Map<String, Feed> feeds, List<String> wanted, String step, Map<String, Tensor> into,
            boolean pin) {
        lock.lock();
        try (NativeGate.Permit gate = NativeGate.enter()) {
            if (closed) {
                throw new InferenceException(label + ": the session is closed");
            }
            Map<String, OnnxTensor> in = new HashMap<>();
            StringBuilder signature = new StringBuilder();
            for (Map.Entry<String, Feed> e : feeds.entrySet()) {
                TensorInfo info = input(e.getKey());
                long n = 1;
                for (long d : e.getValue().shape()) {
                    n *= d;
                }
                if (n != e.getValue().values().size()) {
                    throw new InvalidInputException(label + ": input '" + e.getKey() + "' declared shape "
                            + Arrays.toString(e.getValue().shape()) + " needs " + n + " values, the tensor has "
                            + e.getValue().values().size());
                }
                Slot slot = slot(inputSlots, e.getKey(), info.type, e.getValue().shape());
                slot.write(e.getValue().values());
                in.put(e.getKey(), slot.tensor());
                signature.append(e.getKey()).append(Arrays.toString(e.getValue().shape())).append(';');
            }
            for (String w : wanted) {
                output(w);
            }
            Map<String, long[]> known = pin ? learnedOutputShapes.get(signature.toString()) : null;
            Map<String, Tensor> result = new LinkedHashMap<>();
            if (known != null && known.keySet().containsAll(wanted)) {
                Map<String, OnnxValue> pinned = new HashMap<>();
                for (String w : wanted) {
                    pinned.put(w, slot(outputSlots, w, outputs.get(w).type, known.get(w)).tensor());
                }
                try (OrtSession.Result r = timed(session, in, Set.of(), pinned)) {
                    for (String w : wanted) {
                        Slot slot = outputSlots.get(w);
                        Tensor dst = into == null ? Tensor.zeros(toInt(known.get(w))) : destination(into, w, known.get(w));
                        slot.readInto(dst);
                        result.put(w, checked(dst, w, step));
                    }
                }
            } else {
                Map<String, long[]> shapes = known == null ? new HashMap<>() : new HashMap<>(known);
                try (OrtSession.Result r = timed(session, in, Set.copyOf(wanted), null)) {
                    for (String w : wanted) {
                        OnnxTensor t = (OnnxTensor) r.get(w).orElseThrow();
                        long[] shape = t.getInfo().getShape();
                        shapes.put(w, shape);
                        Tensor value = unpinned(t, shape);
                        if (into != null) {
                            value = destination(into, w, shape).copyFrom(value);
                        }
                        result.put(w, checked(value, w, step));
                    }
                }
                if (pin) {
                    if (learnedOutputShapes.size() >= MAX_SIGNATURES) {
                        learnedOutputShapes.clear();
                    }
                    learnedOutputShapes.put(signature.toString(), shapes);
                }
            }
            return result;
        } catch (OrtException e) {
            throw new InferenceException(label + ": run failed" + (step == null ? "" : " at " + step) + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Tensor destination(Map<String, Tensor> into, String name, long[] shape) {
        Tensor dst = into.get(name);
        if (dst == null || !dst.hasShape(toInt(shape))) {
            throw new InvalidInputException(label + ": destination for output '" + name + "' must have shape "
                    + Arrays.toString(toInt(shape)) + ", was " + (dst == null ? "null" : Arrays.toString(dst.shape())));
        }
        return dst;
    }

    private Tensor unpinned(OnnxTensor t, long[] shape) throws OrtException {
        int[] dims = toInt(shape);
        switch (t.getInfo().type) {
            case FLOAT:
                return Tensor.zeros(dims).copyFrom(toArray(t.getFloatBuffer()));
            case FLOAT16:
                return Tensor.fromFloat16(t.getShortBuffer(), dims);
            default:
                throw new ModelException(label + ": output type " + t.getInfo().type + " is not a float tensor");
        }
    }

    private static float[] toArray(java.nio.FloatBuffer b) {
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }

    private Tensor checked(Tensor t, String output, String step) {
        int bad = t.firstNonFinite();
        if (bad >= 0) {
            throw new InferenceException(label + ": output '" + output + "' has a non-finite value (" + t.getFlat(bad)
                    + ") at flat index " + bad + (step == null ? "" : " at " + step));
        }
        return t;
    }

    private Slot slot(Map<String, Slot> slots, String name, OnnxJavaType type, long[] shape) throws OrtException {
        Slot s = slots.get(name);
        if (s != null && s.matches(type, shape)) {
            return s;
        }
        if (s != null) {
            s.close();
        }
        if (Slot.elementBytes(type) == 0) {
            throw new ModelException(label + ": '" + name + "' has element type " + type
                    + ", expected float32, float16, int64 or int32");
        }
        Slot fresh = new Slot(type, shape);
        slots.put(name, fresh);
        return fresh;
    }

    private static int[] toInt(long[] shape) {
        if (shape.length == 0) {
            return new int[] {1};
        }
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = Math.toIntExact(shape[i]);
        }
        return out;
    }

    /** Number of native slots currently held (inputs plus pinned outputs); exposed for tests. */
    public int slotCount() {
        lock.lock();
        try {
            return inputSlots.size() + outputSlots.size();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the slots and the session. Idempotent. */
    @Override
    @SuppressWarnings("try") // the permit is held, not used
    public void close() {
        lock.lock();
        try (NativeGate.Permit gate = NativeGate.enter()) {
            if (closed) {
                return;
            }
            closed = true;
            List<Slot> all = new ArrayList<>(inputSlots.values());
            all.addAll(outputSlots.values());
            all.forEach(Slot::close);
            inputSlots.clear();
            outputSlots.clear();
            session.close();
        } catch (OrtException e) {
            throw new ModelException(label + ": closing the session failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Float32 values for one input and the shape to declare to the graph (which may differ from the
     * tensor's, e.g. rank 0 for a scalar timestep held in a one-element tensor).
     *
     * <p>Thread-safety: immutable reference holder; the tensor must not be written during a run.
     *
     * @param values the values, converted to the input's declared element type
     * @param shape the shape passed to the runtime
     */
    public record Feed(Tensor values, long[] shape) {
        /** A feed whose shape is the tensor's own. */
        public static Feed of(Tensor t) {
            int[] s = t.shape();
            long[] l = new long[s.length];
            for (int i = 0; i < s.length; i++) {
                l[i] = s[i];
            }
            return new Feed(t, l);
        }
    }
}
