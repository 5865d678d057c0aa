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
 * MimicBrush's denoising step ({@code mimicbrush_unet/model.onnx}): the reference UNet runs on the
 * reference latents at the step's timestep, and the 13-channel imitative UNet's self-attention reads
 * the reference UNet's stored states inside the same session, so those states (hundreds of MB per
 * step at 512 x 512) never cross into host memory.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class MimicBrushUnet implements AutoCloseable {
    /** The reference latents input: the reference image's VAE latents times the scaling factor. */
    public static final String REFERENCE = "reference_latents";
    /** Input channels: latents 4, mask 1, masked-image latents 4, depth feature 4. */
    public static final int CHANNELS = 13;
    private final GraphSession graph;
    private final long[] timestepShape;
    private final int embeddingWidth;

    MimicBrushUnet(GraphSession graph) {
        this.graph = graph;
        ContractCheck.input(graph, Unet.SAMPLE).rank(4).floats().dim(1, CHANNELS).check();
        this.embeddingWidth = (int) ContractCheck.input(graph, Unet.CONTEXT).rank(3).floats().check().getShape()[2];
        ContractCheck.input(graph, REFERENCE).rank(4).floats().dim(1, 4).check();
        this.timestepShape = ContractCheck.input(graph, Unet.TIMESTEP).rank(0, 1)
                .type(OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16, OnnxJavaType.INT64, OnnxJavaType.INT32).check().getShape();
        ContractCheck.output(graph, Unet.OUT).rank(4).floats().dim(1, 4).check();
    }

    /** The image-prompt embedding width the graph expects (768 for SD1.5), or -1 when the graph leaves it open. */
    public int embeddingWidth() {
        return embeddingWidth;
    }

    /**
     * Noise predictions {@code [2, 4, h, w]} for the guidance batch {@code sample [2, 13, h, w]}
     * (unconditional first), image-prompt embeddings {@code [2, tokens, d]} in the same order, and
     * {@code reference [1, 4, h, w]}.
     */
    public Tensor predict(Tensor sample, float timestep, Tensor embeddings, Tensor reference, String step) {
        Checks.notNull("sample", sample);
        Checks.notNull("embeddings", embeddings);
        Checks.notNull("reference", reference);
        Checks.finite("timestep", timestep);
        if (sample.rank() != 4 || sample.dim(0) != 2 || sample.dim(1) != CHANNELS) {
            throw new InvalidInputException("sample must have shape [2, 13, h, w], was " + Arrays.toString(sample.shape()));
        }
        if (embeddings.rank() != 3 || embeddings.dim(0) != 2) {
            throw new InvalidInputException("embeddings must have shape [2, tokens, d], was " + Arrays.toString(embeddings.shape()));
        }
        if (reference.rank() != 4 || reference.dim(0) != 1 || reference.dim(1) != 4 || reference.dim(2) != sample.dim(2)
                || reference.dim(3) != sample.dim(3)) {
            throw new InvalidInputException("reference must have shape [1, 4, " + sample.dim(2) + ", " + sample.dim(3) + "], was "
                    + Arrays.toString(reference.shape()));
        }
        Map<String, GraphSession.Feed> feeds = new HashMap<>();
        feeds.put(Unet.SAMPLE, GraphSession.Feed.of(sample));
        feeds.put(Unet.CONTEXT, GraphSession.Feed.of(embeddings));
        feeds.put(REFERENCE, GraphSession.Feed.of(reference));
        feeds.put(Unet.TIMESTEP, Unet.scalarFeed(timestep, timestepShape, 2));
        return graph.run(feeds, List.of(Unet.OUT), step).get(Unet.OUT);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
