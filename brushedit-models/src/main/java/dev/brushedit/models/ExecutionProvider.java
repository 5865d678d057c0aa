package dev.brushedit.models;

/**
 * Where ONNX Runtime executes the graphs.
 *
 * <p>Thread-safety: immutable.
 */
public enum ExecutionProvider {
    /** ONNX Runtime's default CPU provider; always available. */
    CPU,
    /**
     * NVIDIA CUDA on the device chosen with {@link ExecutionOptions.Builder#cudaDevice(int)}. When the
     * runtime on the class path has no CUDA provider or its libraries are missing, sessions fall back to
     * CPU and one warning is logged.
     */
    CUDA
}
