package dev.brushedit.models;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import java.util.List;
import java.util.Map;

/**
 * The CLIP text encoder: token ids ({@code [batch, 77]}) to hidden states ({@code [batch, 77, d]},
 * d = 768 for SD1.5). The ids are fed as int32 or int64, whichever the graph declares.
 *
 * <p>Thread-safety: safe for concurrent use (calls are serialised inside the session).
 */
public final class TextEncoder implements AutoCloseable {
    static final String INPUT_IDS = "input_ids";
    static final String HIDDEN = "last_hidden_state";

    private final GraphSession graph;
    private final OnnxJavaType idType;
    private final Precision precision;
    private final String modelHash;

    TextEncoder(GraphSession graph, String modelHash) {
        this.graph = graph;
        this.modelHash = modelHash;
        this.idType = ContractCheck.input(graph, INPUT_IDS).rank(2).type(OnnxJavaType.INT32, OnnxJavaType.INT64).check().type;
        TensorInfo out = ContractCheck.output(graph, HIDDEN).rank(3).floats().check();
        this.precision = Precision.of(out);
    }

    /** True when the graph takes int64 ids (optimum), false for int32 (legacy diffusers script). */
    public boolean int64Ids() {
        return idType == OnnxJavaType.INT64;
    }

    /** Precision of the hidden-state output. */
    public Precision precision() {
        return precision;
    }

    /** SHA-256 of the model file, the cache key for text embeddings. */
    public String modelHash() {
        return modelHash;
    }

    /**
     * Encodes one or more id sequences of equal length (77 for CLIP) into {@code [n, length, d]} hidden
     * states, {@code n} the number of sequences.
     */
    public Tensor encode(int[]... ids) {
        if (ids == null || ids.length == 0) {
            throw new InvalidInputException("ids must hold at least one token sequence, got none");
        }
        int len = ids[0] == null ? 0 : ids[0].length;
        if (len == 0) {
            throw new InvalidInputException("token sequences must not be empty");
        }
        float[] flat = new float[ids.length * len];
        for (int b = 0; b < ids.length; b++) {
            if (ids[b] == null || ids[b].length != len) {
                throw new InvalidInputException("token sequences must all have length " + len + ", sequence " + b
                        + " had " + (ids[b] == null ? "null" : ids[b].length));
            }
            for (int i = 0; i < len; i++) {
                if (ids[b][i] < 0 || ids[b][i] >= (1 << 24)) {
                    throw new InvalidInputException("token id must be between 0 and " + ((1 << 24) - 1) + ", was " + ids[b][i]);
                }
                flat[b * len + i] = ids[b][i];
            }
        }
        Tensor idTensor = Tensor.of(flat, ids.length, len);
        return graph.run(Map.of(INPUT_IDS, GraphSession.Feed.of(idTensor)), List.of(HIDDEN), null).get(HIDDEN);
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
