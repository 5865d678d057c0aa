package dev.brushedit.blend.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the FFT implementation once per JVM: cuFFT through the JavaCPP CUDA presets when their
 * classes are on the class path, their natives load and a CUDA device is present; JTransforms
 * otherwise. The probe never throws; when the GPU path is unavailable it logs one DEBUG line.
 *
 * <p>Thread-safety: the selection is computed once, lazily and safely.
 */
public final class FftBackends {
    private static final Logger LOG = LoggerFactory.getLogger(FftBackends.class);
    /** Class name of the cuFFT path, loaded reflectively so that the optional dependency may be absent. */
    static final String CUDA_CLASS = "dev.brushedit.blend.internal.CudaFft";

    private FftBackends() {}

    private static final class Holder {
        static final LowPassFft BEST = select(CUDA_CLASS);
    }

    /** The CPU implementation. */
    public static LowPassFft cpu() {
        return new JTransformsFft();
    }

    /** The best available implementation (cuFFT when usable, else the CPU one). */
    public static LowPassFft best() {
        return Holder.BEST;
    }

    /**
     * Tries to create the GPU implementation named {@code gpuClass}; its static {@code create()}
     * returns {@code null} or throws when unusable. Falls back to {@link #cpu()}.
     */
    static LowPassFft select(String gpuClass) {
        try {
            Object gpu = Class.forName(gpuClass).getMethod("create").invoke(null);
            if (gpu instanceof LowPassFft fft) {
                LOG.info("FFT edge smoother uses {}", fft.name());
                return fft;
            }
            LOG.debug("cuFFT not used (no CUDA device); FFT edge smoother uses JTransforms");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            LOG.debug("cuFFT not used ({}); FFT edge smoother uses JTransforms", cause.toString());
        }
        return cpu();
    }
}
