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
import java.util.List;
import java.util.Map;

/**
 * The BrushNet branch as a separate graph ({@code brushnet/model.onnx}, variant (a) of our contract):
 * from latents, a timestep, the 5-channel condition (masked-image latents times the scaling factor |
 * mask at latent size, 1 = keep) and the conditioning scale, it returns the down, mid and up
 * features a UNet exported with BrushNet inputs adds inside itself. Feature counts and shapes are
 * read from the graph (12, 1 and 15 for SD1.5).
 *
 * <p>BrushNet has no cross-attention, so its features are the same for both halves of a guidance
 * batch: run it at batch 1 and let {@link Unet#predict} repeat them.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class BrushNet implements AutoCloseable {
    static final String COND = "brushnet_cond";
    static final String SCALE = "conditioning_scale";

    private final GraphSession graph;
    private final List<String> featureNames;
    private final long[] timestepShape;
    private final long[] scaleShape;

    BrushNet(GraphSession graph) {
        this.graph = graph;
        ContractCheck.input(graph, Unet.SAMPLE).rank(4).floats().dim(1, 4).check();
        ContractCheck.input(graph, COND).rank(4).floats().dim(1, 5).check();
        this.timestepShape = ContractCheck.input(graph, Unet.TIMESTEP).rank(0, 1)
                .type(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.INT64, OnnxJavaType.INT32).check().getShape();
        this.scaleShape = ContractCheck.input(graph, SCALE).rank(0, 1).floats().check().getShape();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, TensorInfo> e : graph.outputs().entrySet()) {
            if (!Unet.isFeatureName(e.getKey())) {
                throw new ModelException(graph.label() + ": unexpected output '" + e.getKey() + "'; expected only BrushNet "
                        + "features (down_block_res_sample_N, mid_block_res_sample, up_block_res_sample_N)");
            }
            ContractCheck.output(graph, e.getKey()).rank(4).floats().check();
            names.add(e.getKey());
        }
        if (names.isEmpty()) {
            throw new ModelException(graph.label() + ": expected BrushNet feature outputs, found none");
        }
        this.featureNames = Collections.unmodifiableList(names);
    }

    /** The feature output names, in graph order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * Throws a {@link ModelException} before any work when {@code unet}'s BrushNet inputs do not match
     * this branch's outputs by name and channel count (e.g. a BrushNet of another model family).
     */
    public void requireCompatible(Unet unet) {
        List<String> unetNames = unet.brushNetInputs().stream().map(BrushNetInput::name).toList();
        if (!unet.hasBrushNetInputs()) {
            throw new ModelException("the UNet has no BrushNet feature inputs; export it with BrushNet inputs "
                    + "(python -m brushedit_export --brushnet ...) to pair it with " + graph.label());
        }
        if (!new java.util.HashSet<>(unetNames).equals(new java.util.HashSet<>(featureNames))) {
            throw new ModelException(graph.label() + " produces features " + featureNames + " but the UNet expects "
                    + unetNames + "; the BrushNet and the UNet are of different model families");
        }
        for (BrushNetInput in : unet.brushNetInputs()) {
            long expected = in.channels();
            long found = graph.output(in.name()).getShape()[1];
            if (expected > 0 && found > 0 && expected != found) {
                throw new ModelException(graph.label() + ": feature '" + in.name() + "' has " + found
                        + " channels but the UNet expects " + expected + "; the BrushNet and the UNet are of different model families");
            }
        }
    }

    /**
     * Runs the branch at the latents' batch and returns its features, already multiplied by
     * {@code conditioningScale}.
     */
    public Map<String, Tensor> features(Tensor sample, float timestep, Tensor condition, float conditioningScale, String step) {
        Checks.notNull("sample", sample);
        Checks.notNull("condition", condition);
        Checks.finite("timestep", timestep);
        Checks.finite("conditioningScale", conditioningScale);
        if (sample.rank() != 4 || sample.dim(1) != 4) {
            throw new InvalidInputException("sample must have shape [b, 4, h, w], was " + Arrays.toString(sample.shape()));
        }
        if (condition.rank() != 4 || condition.dim(1) != 5 || condition.dim(0) != sample.dim(0)
                || condition.dim(2) != sample.dim(2) || condition.dim(3) != sample.dim(3)) {
            throw new InvalidInputException("condition must have shape [" + sample.dim(0) + ", 5, " + sample.dim(2) + ", "
                    + sample.dim(3) + "], was " + Arrays.toString(condition.shape()));
        }
        Map<String, GraphSession.Feed> feeds = new java.util.HashMap<>();
        feeds.put(Unet.SAMPLE, GraphSession.Feed.of(sample));
        feeds.put(COND, GraphSession.Feed.of(condition));
        feeds.put(Unet.TIMESTEP, Unet.scalarFeed(timestep, timestepShape, sample.dim(0)));
        feeds.put(SCALE, Unet.scalarFeed(conditioningScale, scaleShape, 1));
        return graph.run(feeds, featureNames, step);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
