package dev.brushedit.models;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;

/**
 * Floating-point precision of a graph's float inputs and outputs. Callers always see float32; fp16
 * graphs are converted at the boundary.
 *
 * <p>Thread-safety: immutable.
 */
public enum Precision {
    /** float32. */
    FP32,
    /** float16. */
    FP16;

    /** The precision a float input or output declares: {@link #FP16} for float16, else {@link #FP32}. */
    static Precision of(TensorInfo info) {
        return info.type == OnnxJavaType.FLOAT16 ? FP16 : FP32;
    }
}
