package dev.brushedit.models;

/**
 * ONNX Runtime's graph optimization levels, mirroring {@code GraphOptimizationLevel}.
 *
 * <p>Thread-safety: immutable.
 */
public enum GraphOptimization {
    /** No graph rewriting. */
    NONE,
    /** Semantics-preserving node eliminations and constant folding. */
    BASIC,
    /** Basic plus node fusions (ONNX Runtime's "extended" level). */
    EXTENDED,
    /** Every optimization, including layout changes; the runtime's default. */
    ALL
}
