package dev.brushedit.models;

import ai.onnxruntime.TensorInfo;
import dev.brushedit.models.internal.ContractCheck;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared inputs and outputs of one ONNX graph of a {@link ModelFolder}, in graph order: what
 * {@code brushedit info} prints and what a caller checks before feeding a graph of its own.
 *
 * <p>Thread-safety: immutable.
 *
 * @param part the model part the graph belongs to
 * @param inputs input name to its declared tensor, in graph order
 * @param outputs output name to its declared tensor, in graph order
 */
public record GraphSignature(ModelPart part, Map<String, TensorSpec> inputs, Map<String, TensorSpec> outputs) {

    /** Copies the maps, keeping their order. */
    public GraphSignature {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /**
     * One declared tensor.
     *
     * <p>Thread-safety: immutable.
     *
     * @param elementType the ONNX element type name: {@code float32}, {@code float16}, {@code int64}, ...
     * @param shape the declared shape; -1 marks a dynamic dimension
     */
    public record TensorSpec(String elementType, List<Long> shape) {

        /** Copies the shape. */
        public TensorSpec {
            shape = List.copyOf(shape);
        }

        static TensorSpec of(TensorInfo info) {
            return new TensorSpec(ContractCheck.typeName(info.type), Arrays.stream(info.getShape()).boxed().toList());
        }
    }

    static GraphSignature of(ModelPart part, Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs) {
        return new GraphSignature(part, specs(inputs), specs(outputs));
    }

    private static Map<String, TensorSpec> specs(Map<String, TensorInfo> infos) {
        Map<String, TensorSpec> out = new LinkedHashMap<>();
        infos.forEach((name, info) -> out.put(name, TensorSpec.of(info)));
        return out;
    }
}
