package dev.brushedit.models;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * MimicBrush's image prompt ({@code image_encoder/model.onnx}): CLIP vision hidden states of the
 * penultimate layer for CLIP-normalised {@code [b, 3, 224, 224]} pixels, projected to the UNet's
 * cross-attention width; they take the place of text embeddings.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class ImagePromptEncoder implements AutoCloseable {
    static final String PIXELS = "pixel_values";
    static final String EMBEDS = "image_embeds";
    /** The side of the square input (CLIP ViT's 224). */
    public static final int SIDE = 224;
    private final GraphSession graph;

    ImagePromptEncoder(GraphSession graph) {
        this.graph = graph;
        ContractCheck.input(graph, PIXELS).rank(4).floats().dim(1, 3).check();
        ContractCheck.output(graph, EMBEDS).rank(3).floats().check();
    }

    /** Embeddings {@code [b, tokens, d]} for {@code pixels [b, 3, 224, 224]}. */
    public Tensor encode(Tensor pixels) {
        Checks.notNull("pixels", pixels);
        if (pixels.rank() != 4 || pixels.dim(1) != 3 || pixels.dim(2) != SIDE || pixels.dim(3) != SIDE) {
            throw new InvalidInputException("pixels must have shape [b, 3, 224, 224], was " + Arrays.toString(pixels.shape()));
        }
        return graph.run(Map.of(PIXELS, GraphSession.Feed.of(pixels)), List.of(EMBEDS), "image prompt").get(EMBEDS);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
