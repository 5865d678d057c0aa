package dev.brushedit.models;

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
    FP16
}
