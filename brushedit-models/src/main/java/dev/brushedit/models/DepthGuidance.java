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
 * MimicBrush's depth branch ({@code depth/model.onnx}): Depth Anything's relative depth for
 * normalised {@code [b, 3, 518, 518]} pixels, through MimicBrush's depth guider, giving the
 * latent-sized feature {@code [b, 4, 64, 64]} that keeps the source object's shape.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class DepthGuidance implements AutoCloseable {
    static final String PIXELS = "pixel_values";
    static final String FEATURE = "depth_feature";
    /** The side of the square input (37 patches of 14). */
    public static final int SIDE = 518;
    private final GraphSession graph;

    DepthGuidance(GraphSession graph) {
        this.graph = graph;
        ContractCheck.input(graph, PIXELS).rank(4).floats().dim(1, 3).check();
        ContractCheck.output(graph, FEATURE).rank(4).floats().dim(1, 4).check();
    }

    /** The depth feature {@code [b, 4, 64, 64]} for {@code pixels [b, 3, 518, 518]}. */
    public Tensor feature(Tensor pixels) {
        Checks.notNull("pixels", pixels);
        if (pixels.rank() != 4 || pixels.dim(1) != 3 || pixels.dim(2) != SIDE || pixels.dim(3) != SIDE) {
            throw new InvalidInputException("pixels must have shape [b, 3, 518, 518], was " + Arrays.toString(pixels.shape()));
        }
        return graph.run(Map.of(PIXELS, GraphSession.Feed.of(pixels)), List.of(FEATURE), "depth").get(FEATURE);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
