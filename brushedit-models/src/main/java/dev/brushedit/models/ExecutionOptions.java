package dev.brushedit.models;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How model sessions are created: execution provider (CPU, or CUDA with a device id and automatic
 * CPU fallback), thread counts, graph optimization level and an optional on-disk cache of optimized
 * models.
 *
 * <pre>{@code
 * ExecutionOptions opts = ExecutionOptions.builder().cudaDevice(0).intraOpThreads(4).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class ExecutionOptions {
    private final ExecutionProvider provider;
    private final int deviceId;
    private final int intraOpThreads;
    private final int interOpThreads;
    private final GraphOptimization optimization;
    private final Path optimizedModelCacheDir;
    private final boolean lowMemory;
    private final boolean keepStepMemory;

    private ExecutionOptions(Builder b) {
        this.provider = b.provider;
        this.deviceId = b.deviceId;
        this.intraOpThreads = b.intraOpThreads;
        this.interOpThreads = b.interOpThreads;
        this.optimization = b.optimization;
        this.optimizedModelCacheDir = b.optimizedModelCacheDir;
        this.lowMemory = b.lowMemory;
        this.keepStepMemory = b.keepStepMemory;
    }

    /** CPU, runtime-chosen thread counts, all optimizations, no cache. */
    public static ExecutionOptions defaults() {
        return builder().build();
    }

    /** A builder with the {@link #defaults()} values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.provider = provider;
        b.deviceId = deviceId;
        b.intraOpThreads = intraOpThreads;
        b.interOpThreads = interOpThreads;
        b.optimization = optimization;
        b.optimizedModelCacheDir = optimizedModelCacheDir;
        b.lowMemory = lowMemory;
        b.keepStepMemory = keepStepMemory;
        return b;
    }

    /** The requested execution provider (the one in effect may be CPU after a fallback). */
    public ExecutionProvider provider() {
        return provider;
    }

    /** The CUDA device id; 0 unless set, ignored for CPU. */
    public int deviceId() {
        return deviceId;
    }

    /** Intra-op threads; 0 lets the runtime choose. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Inter-op threads; 0 lets the runtime choose. */
    public int interOpThreads() {
        return interOpThreads;
    }

    /** The graph optimization level. */
    public GraphOptimization optimization() {
        return optimization;
    }

    /** Directory where optimized models are written and reused, if set. */
    public Optional<Path> optimizedModelCacheDir() {
        return Optional.ofNullable(optimizedModelCacheDir);
    }

    /**
     * Whether the low-memory mode is on: sessions of the stages that run once per edit (text encoder, VAE
     * encoder and decoder) are closed after use and reopened when needed, the VAE works in smaller tiles, the
     * guidance batch runs as two batch-1 calls, sessions plan no memory pattern, and every run returns its
     * working memory to the system. Slower (reloading costs seconds per edit, BrushNet runs twice in the fused
     * graph), for machines where the default does not fit.
     */
    public boolean lowMemory() {
        return lowMemory;
    }

    /**
     * Whether the denoising graph keeps its working memory (ONNX Runtime's arena) from one job to the next. Off by
     * default: the last denoising step of every job hands that memory back to the system, so that the VAE decoder
     * does not run on top of it (this bounds the job's peak), and the next job's first two steps fault it in again
     * (about 0.5 GiB of page faults for a 512 job; BENCHMARKS.md). On, later jobs' steps run without those faults
     * from the first, and every decode runs on top of the denoiser's working memory (about 0.6 GiB more at the peak
     * of a 512 job with fused attention). Cannot be combined with {@link #lowMemory()}.
     */
    public boolean keepStepMemory() {
        return keepStepMemory;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ExecutionOptions)) {
            return false;
        }
        ExecutionOptions x = (ExecutionOptions) o;
        return provider == x.provider && deviceId == x.deviceId && intraOpThreads == x.intraOpThreads
                && interOpThreads == x.interOpThreads && optimization == x.optimization
                && Objects.equals(optimizedModelCacheDir, x.optimizedModelCacheDir) && lowMemory == x.lowMemory
                && keepStepMemory == x.keepStepMemory;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, deviceId, intraOpThreads, interOpThreads, optimization, optimizedModelCacheDir, lowMemory,
                keepStepMemory);
    }

    @Override
    public String toString() {
        return "ExecutionOptions[" + provider + (provider == ExecutionProvider.CUDA ? ":" + deviceId : "")
                + ", intraOp=" + intraOpThreads + ", interOp=" + interOpThreads + ", opt=" + optimization
                + ", cache=" + optimizedModelCacheDir + (lowMemory ? ", lowMemory" : "")
                + (keepStepMemory ? ", keepStepMemory" : "") + "]";
    }

    /**
     * Builds {@link ExecutionOptions}; every setter validates its argument and throws
     * {@link InvalidInputException} on a bad value.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private ExecutionProvider provider = ExecutionProvider.CPU;
        private int deviceId;
        private int intraOpThreads;
        private int interOpThreads;
        private GraphOptimization optimization = GraphOptimization.ALL;
        private Path optimizedModelCacheDir;
        private boolean lowMemory;
        private boolean keepStepMemory;

        private Builder() {}

        /** Runs on the CPU provider. */
        public Builder cpu() {
            this.provider = ExecutionProvider.CPU;
            this.deviceId = 0;
            return this;
        }

        /** Runs on CUDA device {@code deviceId} (0 to 63), falling back to CPU with a warning if unavailable. */
        public Builder cudaDevice(int deviceId) {
            this.deviceId = Checks.inRange("CUDA device id", deviceId, 0, 63);
            this.provider = ExecutionProvider.CUDA;
            return this;
        }

        /** Intra-op thread count, 0 (runtime's choice) to 1024. */
        public Builder intraOpThreads(int threads) {
            this.intraOpThreads = Checks.inRange("intraOpThreads", threads, 0, 1024);
            return this;
        }

        /** Inter-op thread count, 0 (runtime's choice) to 1024. */
        public Builder interOpThreads(int threads) {
            this.interOpThreads = Checks.inRange("interOpThreads", threads, 0, 1024);
            return this;
        }

        /** The graph optimization level. */
        public Builder optimization(GraphOptimization level) {
            this.optimization = Checks.notNull("optimization", level);
            return this;
        }

        /**
         * Caches optimized models in {@code dir} (created when missing), keyed by model hash, provider
         * and optimization level; {@code null} turns the cache off.
         */
        public Builder optimizedModelCacheDir(Path dir) {
            this.optimizedModelCacheDir = dir;
            return this;
        }

        /** Turns the low-memory mode on or off (off by default); see {@link ExecutionOptions#lowMemory()}. */
        public Builder lowMemory(boolean on) {
            this.lowMemory = on;
            return this;
        }

        /**
         * Keeps the denoising graph's working memory between jobs or not (off by default); see
         * {@link ExecutionOptions#keepStepMemory()}.
         */
        public Builder keepStepMemory(boolean on) {
            this.keepStepMemory = on;
            return this;
        }

        /**
         * The options.
         *
         * @throws InvalidInputException if both the low-memory mode and {@code keepStepMemory} are on
         */
        public ExecutionOptions build() {
            if (lowMemory && keepStepMemory) {
                throw new InvalidInputException("keepStepMemory cannot be combined with lowMemory: the low-memory mode"
                        + " releases the denoising graph's working memory after every step; turn one of them off");
            }
            return new ExecutionOptions(this);
        }
    }
}
