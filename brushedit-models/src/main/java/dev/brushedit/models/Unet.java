package dev.brushedit.models;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The denoising UNet: predicts noise for latents at a timestep, conditioned on text embeddings.
 *
 * <p>Four kinds, told apart by the graph's inputs: the standard 4-channel UNet, the SD inpainting
 * UNet with 9 input channels (latents 4 | mask 1, 1 = hole | masked-image latents 4, see
 * {@link #inpaintingInput}), the InstructPix2Pix UNet with 8 input channels (latents 4 | image
 * latents 4, see {@link #pix2pixInput}; MagicBrush has the same layout), and a UNet exported with
 * BrushNet feature inputs ({@link #brushNetInputs()}).
 * The timestep is converted to the dtype (float32, float16, int64, int32) and rank (scalar, or
 * {@code [1]} / {@code [batch]}) the graph declares.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class Unet implements AutoCloseable {
    static final String SAMPLE = "sample";
    static final String TIMESTEP = "timestep";
    static final String CONTEXT = "encoder_hidden_states";
    static final String OUT = "out_sample";
    private static final Pattern CROSS_ATTENTION = Pattern.compile("cross_attention_(up|down)_\\d+_\\d+");
    private static final Pattern FEATURE = Pattern.compile("(down_block_res_sample_\\d+|mid_block_res_sample|up_block_res_sample_\\d+)");

    private final GraphSession graph;
    private final int inChannels;
    private final long[] timestepShape;
    private final Precision precision;
    private final List<BrushNetInput> brushNetInputs;
    private final long contextDim;
    private final List<String> crossAttentionOutputs;

    Unet(GraphSession graph) {
        this.graph = graph;
        TensorInfo sample = ContractCheck.input(graph, SAMPLE).rank(4).floats().dim(1, 4, 8, 9).check();
        long declared = sample.getShape()[1];
        this.inChannels = declared == 9 || declared == 8 ? (int) declared : 4;
        this.precision = Precision.of(sample);
        this.timestepShape = ContractCheck.input(graph, TIMESTEP).rank(0, 1)
                .type(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.INT64, OnnxJavaType.INT32).check().getShape();
        this.contextDim = ContractCheck.input(graph, CONTEXT).rank(3).floats().check().getShape()[2];
        ContractCheck.output(graph, OUT).rank(4).floats().dim(1, 4).check();
        List<BrushNetInput> features = new ArrayList<>();
        for (Map.Entry<String, TensorInfo> e : graph.inputs().entrySet()) {
            String n = e.getKey();
            if (n.equals(SAMPLE) || n.equals(TIMESTEP) || n.equals(CONTEXT)) {
                continue;
            }
            if (!FEATURE.matcher(n).matches()) {
                throw new ModelException(graph.label() + ": unexpected input '" + n + "'; expected only sample, timestep, "
                        + "encoder_hidden_states and BrushNet features (down_block_res_sample_N, mid_block_res_sample, "
                        + "up_block_res_sample_N)");
            }
            ContractCheck.input(graph, n).rank(4).floats().check();
            features.add(new BrushNetInput(n, e.getValue().getShape()));
        }
        this.brushNetInputs = Collections.unmodifiableList(features);
        List<String> attention = new ArrayList<>();
        for (String n : graph.outputs().keySet()) {
            if (CROSS_ATTENTION.matcher(n).matches()) {
                ContractCheck.output(graph, n).rank(3).floats().check();
                attention.add(n);
            }
        }
        this.crossAttentionOutputs = List.copyOf(attention);
        if (!features.isEmpty() && inChannels != 4) {
            throw new ModelException(graph.label() + ": input 'sample' expected 4 channels for a UNet with BrushNet inputs, found "
                    + inChannels);
        }
    }

    /** 4 for the standard UNet, 8 for the InstructPix2Pix UNet, 9 for the SD inpainting UNet. */
    public int inChannels() {
        return inChannels;
    }

    /** True for the 9-channel SD inpainting UNet. */
    public boolean isInpainting() {
        return inChannels == 9;
    }

    /** True for the 8-channel InstructPix2Pix-family UNet (InstructPix2Pix, MagicBrush). */
    public boolean isInstructPix2Pix() {
        return inChannels == 8;
    }

    /** The text-embedding width the graph declares (768 for SD1.5), or -1 when the graph leaves it dynamic. */
    public long contextDim() {
        return contextDim;
    }

    /**
     * The cross-attention probability outputs ZONE reads ({@code cross_attention_up_*},
     * {@code cross_attention_down_*}, exporter option {@code --cross-attention-outputs}), in graph
     * order; empty when the graph has none.
     */
    public List<String> crossAttentionOutputs() {
        return crossAttentionOutputs;
    }

    /**
     * Noise prediction (key {@code out_sample}) and every cross-attention output, each
     * {@code [batch * heads, pixels, tokens]}, for a plain or InstructPix2Pix UNet.
     */
    public Map<String, Tensor> predictWithCrossAttention(Tensor sample, float timestep, Tensor encoderHiddenStates, String step) {
        if (crossAttentionOutputs.isEmpty()) {
            throw new ModelException(graph.label() + " has no cross-attention outputs; re-export the UNet with "
                    + "`python -m brushedit_export ... --cross-attention-outputs`");
        }
        List<String> wanted = new ArrayList<>(crossAttentionOutputs);
        wanted.add(0, OUT);
        return run(sample, timestep, encoderHiddenStates, Map.of(), step, wanted);
    }

    /** Precision of the graph's float inputs. */
    public Precision precision() {
        return precision;
    }

    /** The BrushNet feature inputs in graph order; empty for a plain or inpainting UNet. */
    public List<BrushNetInput> brushNetInputs() {
        return brushNetInputs;
    }

    /** True when the graph takes BrushNet features. */
    public boolean hasBrushNetInputs() {
        return !brushNetInputs.isEmpty();
    }

    /**
     * The 9-channel input of the inpainting UNet: {@code latents [b,4,h,w] | mask [b,1,h,w] (1 = hole) |
     * maskedLatents [b,4,h,w]} along the channel axis. {@code mask} and {@code maskedLatents} may have
     * batch 1 and are then repeated to the latents' batch (the guidance batch).
     */
    public static Tensor inpaintingInput(Tensor latents, Tensor mask, Tensor maskedLatents) {
        Checks.notNull("latents", latents);
        int b = latents.dim(0);
        return Tensor.concat(1, latents, repeatBatch("mask", mask, b), repeatBatch("maskedLatents", maskedLatents, b));
    }

    /**
     * The 8-channel input of the InstructPix2Pix UNet: {@code latents [b,4,h,w] | imageLatents [b,4,h,w]}
     * along the channel axis, as diffusers' pipeline joins the scheduler-scaled latents with the
     * unscaled image latents. {@code imageLatents} may have batch 1 and is then repeated.
     */
    public static Tensor pix2pixInput(Tensor latents, Tensor imageLatents) {
        Checks.notNull("latents", latents);
        return Tensor.concat(1, latents, repeatBatch("imageLatents", imageLatents, latents.dim(0)));
    }

    /** Noise prediction for a plain, inpainting or InstructPix2Pix UNet (no BrushNet features). */
    public Tensor predict(Tensor sample, float timestep, Tensor encoderHiddenStates) {
        return predict(sample, timestep, encoderHiddenStates, Map.of(), null);
    }

    /**
     * Noise prediction {@code [b, 4, h, w]}. {@code features} must hold every BrushNet input of the
     * graph (empty otherwise); a batch-1 feature is repeated to the sample's batch. {@code step} names
     * the step in error messages (may be null).
     */
    public Tensor predict(Tensor sample, float timestep, Tensor encoderHiddenStates, Map<String, Tensor> features, String step) {
        return run(sample, timestep, encoderHiddenStates, features, step, List.of(OUT)).get(OUT);
    }

    private Map<String, Tensor> run(Tensor sample, float timestep, Tensor encoderHiddenStates, Map<String, Tensor> features,
            String step, List<String> wanted) {
        Checks.notNull("sample", sample);
        Checks.notNull("encoderHiddenStates", encoderHiddenStates);
        Checks.notNull("features", features);
        Checks.finite("timestep", timestep);
        if (sample.rank() != 4 || sample.dim(1) != inChannels) {
            throw new InvalidInputException("sample must have shape [batch, " + inChannels + ", h, w] for "
                    + graph.label() + ", was " + Arrays.toString(sample.shape()));
        }
        int b = sample.dim(0);
        if (encoderHiddenStates.rank() != 3 || encoderHiddenStates.dim(0) != b) {
            throw new InvalidInputException("encoderHiddenStates must have shape [" + b + ", tokens, d], was "
                    + Arrays.toString(encoderHiddenStates.shape()));
        }
        Map<String, GraphSession.Feed> feeds = new HashMap<>();
        feeds.put(SAMPLE, GraphSession.Feed.of(sample));
        feeds.put(CONTEXT, GraphSession.Feed.of(encoderHiddenStates));
        feeds.put(TIMESTEP, timestepFeed(timestep, b));
        for (BrushNetInput in : brushNetInputs) {
            Tensor f = features.get(in.name());
            if (f == null) {
                throw new InvalidInputException("BrushNet feature '" + in.name() + "' is required by " + graph.label()
                        + " but was not given; given " + features.keySet());
            }
            feeds.put(in.name(), GraphSession.Feed.of(repeatBatch(in.name(), f, b)));
        }
        for (String k : features.keySet()) {
            if (!feeds.containsKey(k)) {
                throw new InvalidInputException("feature '" + k + "' is not an input of " + graph.label()
                        + "; its BrushNet inputs are " + brushNetInputs);
            }
        }
        return graph.run(feeds, wanted, step);
    }

    private GraphSession.Feed timestepFeed(float t, int batch) {
        return scalarFeed(t, timestepShape, batch);
    }

    /** A scalar fed as the graph declares it: rank 0, {@code [1]}, or {@code [batch]} for a dynamic dimension. */
    static GraphSession.Feed scalarFeed(float value, long[] declaredShape, int batch) {
        if (declaredShape.length == 0) {
            return new GraphSession.Feed(Tensor.of(new float[] {value}, 1), new long[0]);
        }
        int n = declaredShape[0] == 1 ? 1 : batch;
        return GraphSession.Feed.of(Tensor.full(value, n));
    }

    static boolean isFeatureName(String name) {
        return FEATURE.matcher(name).matches();
    }

    private static Tensor repeatBatch(String name, Tensor t, int batch) {
        Checks.notNull(name, t);
        if (t.dim(0) == batch) {
            return t;
        }
        if (t.dim(0) != 1 || t.rank() < 2) {
            throw new InvalidInputException(name + " must have batch 1 or " + batch + ", shape was " + Arrays.toString(t.shape()));
        }
        return t.repeatBatch(batch);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
