package dev.brushedit.models;

import ai.onnxruntime.OnnxJavaType;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UNet and BrushNet fused in one graph ({@code brushnet_unet/model.onnx}, variant (b) of our
 * contract): the BrushNet features never leave the session, which matters because ONNX Runtime Java
 * copies every input and output through host memory. The graph runs BrushNet once on the first
 * {@code b} latents (the condition's batch) and repeats its features over the guidance batch.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class FusedBrushNetUnet implements AutoCloseable {
    private final GraphSession graph;
    private final long[] timestepShape;
    private final long[] scaleShape;
    private final Precision precision;

    FusedBrushNetUnet(GraphSession graph) {
        this.graph = graph;
        this.precision = ContractCheck.input(graph, Unet.SAMPLE).rank(4).floats().dim(1, 4).check().type == OnnxJavaType.FLOAT16
                ? Precision.FP16 : Precision.FP32;
        ContractCheck.input(graph, Unet.CONTEXT).rank(3).floats().check();
        ContractCheck.input(graph, BrushNet.COND).rank(4).floats().dim(1, 5).check();
        this.timestepShape = ContractCheck.input(graph, Unet.TIMESTEP).rank(0, 1)
                .type(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.INT64, OnnxJavaType.INT32).check().getShape();
        this.scaleShape = ContractCheck.input(graph, BrushNet.SCALE).rank(0, 1).floats().check().getShape();
        ContractCheck.output(graph, Unet.OUT).rank(4).floats().dim(1, 4).check();
    }

    /** Precision of the graph's float inputs. */
    public Precision precision() {
        return precision;
    }

    /**
     * Noise prediction {@code [k*b, 4, h, w]} for latents {@code sample [k*b, 4, h, w]} (the guidance
     * batch; halves identical), text embeddings {@code [k*b, tokens, d]} and the BrushNet
     * {@code condition [b, 5, h, w]}, with BrushNet's features scaled by {@code conditioningScale}.
     */
    public Tensor predict(Tensor sample, float timestep, Tensor encoderHiddenStates, Tensor condition, float conditioningScale,
            String step) {
        Checks.notNull("sample", sample);
        Checks.notNull("encoderHiddenStates", encoderHiddenStates);
        Checks.notNull("condition", condition);
        Checks.finite("timestep", timestep);
        Checks.finite("conditioningScale", conditioningScale);
        int kb = sample.dim(0);
        if (sample.rank() != 4 || sample.dim(1) != 4) {
            throw new InvalidInputException("sample must have shape [batch, 4, h, w], was " + Arrays.toString(sample.shape()));
        }
        if (encoderHiddenStates.rank() != 3 || encoderHiddenStates.dim(0) != kb) {
            throw new InvalidInputException("encoderHiddenStates must have shape [" + kb + ", tokens, d], was "
                    + Arrays.toString(encoderHiddenStates.shape()));
        }
        if (condition.rank() != 4 || condition.dim(1) != 5 || kb % condition.dim(0) != 0
                || condition.dim(2) != sample.dim(2) || condition.dim(3) != sample.dim(3)) {
            throw new InvalidInputException("condition must have shape [b, 5, " + sample.dim(2) + ", " + sample.dim(3)
                    + "] with b dividing the sample batch " + kb + ", was " + Arrays.toString(condition.shape()));
        }
        Map<String, GraphSession.Feed> feeds = new HashMap<>();
        feeds.put(Unet.SAMPLE, GraphSession.Feed.of(sample));
        feeds.put(Unet.CONTEXT, GraphSession.Feed.of(encoderHiddenStates));
        feeds.put(BrushNet.COND, GraphSession.Feed.of(condition));
        feeds.put(Unet.TIMESTEP, Unet.scalarFeed(timestep, timestepShape, kb));
        feeds.put(BrushNet.SCALE, Unet.scalarFeed(conditioningScale, scaleShape, 1));
        return graph.run(feeds, List.of(Unet.OUT), step).get(Unet.OUT);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
