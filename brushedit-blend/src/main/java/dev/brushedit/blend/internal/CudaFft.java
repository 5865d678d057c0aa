package dev.brushedit.blend.internal;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaSuccess;
import static org.bytedeco.cuda.global.cufft.CUFFT_FORWARD;
import static org.bytedeco.cuda.global.cufft.CUFFT_INVERSE;
import static org.bytedeco.cuda.global.cufft.CUFFT_SUCCESS;
import static org.bytedeco.cuda.global.cufft.CUFFT_Z2Z;
import static org.bytedeco.cuda.global.cufft.cufftDestroy;
import static org.bytedeco.cuda.global.cufft.cufftExecZ2Z;
import static org.bytedeco.cuda.global.cufft.cufftPlan2d;

import org.bytedeco.cuda.cudart.double2;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;

/**
 * The GPU path: double-precision complex-to-complex 2-D FFTs with cuFFT (JavaCPP CUDA presets,
 * CUDA 12.x). Same arithmetic as the CPU path (float64 throughout), so it yields the same masks.
 * Loaded only reflectively by {@link FftBackends}; never referenced directly, so the optional
 * dependency may be absent.
 *
 * <p>Thread-safety: safe for concurrent use; each call makes and frees its own plan and buffers.
 */
public final class CudaFft implements LowPassFft {
    private CudaFft() {}

    /**
     * The GPU path, or {@code null} when no CUDA device is present.
     *
     * @throws LinkageError when the CUDA natives cannot be loaded
     */
    public static LowPassFft create() {
        Loader.load(org.bytedeco.cuda.global.cudart.class);
        Loader.load(org.bytedeco.cuda.global.cufft.class);
        int[] count = new int[1];
        if (cudaGetDeviceCount(count) != cudaSuccess || count[0] < 1) {
            return null;
        }
        return new CudaFft();
    }

    @Override
    public double[] lowPassMagnitude(double[] x, int w, int h, byte[] keep) {
        int n = w * h;
        long bytes = 16L * n;
        double[] host = new double[2 * n];
        for (int i = 0; i < n; i++) {
            host[2 * i] = x[i];
        }
        int[] plan = new int[1];
        double2 dev = new double2();
        try (DoublePointer buffer = new DoublePointer(host)) {
            check(cudaMalloc(dev, bytes), "cudaMalloc");
            try {
                // cufftPlan2d takes (nx = slowest dimension, ny = fastest): rows, then columns.
                checkFft(cufftPlan2d(plan, h, w, CUFFT_Z2Z), "cufftPlan2d");
                try {
                    check(cudaMemcpy(dev, buffer, bytes, cudaMemcpyHostToDevice), "cudaMemcpy to device");
                    checkFft(cufftExecZ2Z(plan[0], dev, dev, CUFFT_FORWARD), "cufftExecZ2Z forward");
                    check(cudaMemcpy(buffer, dev, bytes, cudaMemcpyDeviceToHost), "cudaMemcpy to host");
                    buffer.get(host);
                    for (int i = 0; i < n; i++) {
                        if (keep[i] == 0) {
                            host[2 * i] = 0;
                            host[2 * i + 1] = 0;
                        }
                    }
                    buffer.put(host);
                    check(cudaMemcpy(dev, buffer, bytes, cudaMemcpyHostToDevice), "cudaMemcpy to device");
                    checkFft(cufftExecZ2Z(plan[0], dev, dev, CUFFT_INVERSE), "cufftExecZ2Z inverse");
                    check(cudaMemcpy(buffer, dev, bytes, cudaMemcpyDeviceToHost), "cudaMemcpy to host");
                    buffer.get(host);
                } finally {
                    cufftDestroy(plan[0]);
                }
            } finally {
                cudaFree(dev);
            }
        }
        double[] out = new double[n];
        double scale = 1.0 / n; // cuFFT's inverse is unnormalised
        for (int i = 0; i < n; i++) {
            double re = host[2 * i] * scale;
            double im = host[2 * i + 1] * scale;
            out[i] = Math.sqrt(re * re + im * im);
        }
        return out;
    }

    private static void check(int status, String what) {
        if (status != cudaSuccess) {
            throw new dev.brushedit.core.InferenceException(what + " failed with CUDA error " + status);
        }
    }

    private static void checkFft(int status, String what) {
        if (status != CUFFT_SUCCESS) {
            throw new dev.brushedit.core.InferenceException(what + " failed with cuFFT status " + status);
        }
    }

    @Override
    public String name() {
        return "cufft";
    }
}
