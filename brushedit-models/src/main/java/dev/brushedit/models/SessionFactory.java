package dev.brushedit.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.brushedit.core.ModelException;
import dev.brushedit.models.internal.NativeGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ONNX Runtime sessions on the one shared {@link OrtEnvironment} according to
 * {@link ExecutionOptions}: provider with CUDA-to-CPU fallback, threads, optimization level and the
 * optimized-model cache. {@link ModelFolder} uses it for the diffusion parts; model wrappers outside
 * a checkpoint folder (the segmentation models) use it directly.
 *
 * <p>Thread-safety: safe for concurrent use; the fallback state is atomic.
 */
public final class SessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);
    private static final String EXTERNAL_INITIALIZERS_KEY = "session.optimized_model_external_initializers_file_name";

    private final ExecutionOptions options;
    private final AtomicBoolean cudaFailed = new AtomicBoolean();

    /** A factory for sessions with {@code options}. */
    public SessionFactory(ExecutionOptions options) {
        this.options = options;
    }

    /** The process-wide ONNX Runtime environment. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** The options sessions are created with. */
    public ExecutionOptions options() {
        return options;
    }

    /** The provider sessions actually use: CPU once a CUDA request has fallen back. */
    public ExecutionProvider effectiveProvider() {
        return options.provider() == ExecutionProvider.CUDA && !cudaFailed.get() ? ExecutionProvider.CUDA : ExecutionProvider.CPU;
    }

    /**
     * Opens {@code file} (shown as {@code label} in messages). {@code hash} keys the optimized-model
     * cache and may be null when no cache is configured.
     */
    @SuppressWarnings("try") // the permit is held, not used
    public OrtSession open(Path file, String label, String hash) {
        try (NativeGate.Permit gate = NativeGate.enter(); OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            if (options.intraOpThreads() > 0) {
                so.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (options.interOpThreads() > 0) {
                so.setInterOpNumThreads(options.interOpThreads());
            }
            addProvider(so);
            Path source = file;
            Path cacheDir = options.optimizedModelCacheDir().orElse(null);
            if (cacheDir != null && hash != null && options.optimization() != GraphOptimization.NONE) {
                Path cached = cacheDir.resolve(cacheName(label, hash));
                if (Files.isRegularFile(cached)) {
                    LOG.debug("{}: loading the optimized model cached at {}", label, cached);
                    source = cached;
                    so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                } else {
                    Files.createDirectories(cacheDir);
                    so.setOptimizationLevel(level(options.optimization()));
                    so.setOptimizedModelFilePath(cached.toString());
                    so.addConfigEntry(EXTERNAL_INITIALIZERS_KEY, cached.getFileName() + ".data");
                    LOG.info("{}: writing the optimized model to {}", label, cached);
                }
            } else {
                so.setOptimizationLevel(level(options.optimization()));
            }
            return environment().createSession(source.toString(), so);
        } catch (OrtException e) {
            throw new ModelException(label + ": ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelException(label + ": cannot create the optimized-model cache directory: " + e.getMessage(), e);
        }
    }

    private void addProvider(OrtSession.SessionOptions so) {
        if (effectiveProvider() != ExecutionProvider.CUDA) {
            return;
        }
        try {
            so.addCUDA(options.deviceId());
        } catch (OrtException | RuntimeException | LinkageError e) {
            if (cudaFailed.compareAndSet(false, true)) {
                LOG.warn("CUDA execution provider (device {}) is unavailable, falling back to CPU: {}",
                        options.deviceId(), e.getMessage());
            }
        }
    }

    private String cacheName(String label, String hash) {
        String part = label.replace("/model.onnx", "").replace('/', '_');
        return part + "-" + hash.substring(0, 16) + "-" + effectiveProvider().name().toLowerCase(java.util.Locale.ROOT)
                + "-" + options.optimization().name().toLowerCase(java.util.Locale.ROOT) + ".onnx";
    }

    private static OrtSession.SessionOptions.OptLevel level(GraphOptimization g) {
        switch (g) {
            case NONE:
                return OrtSession.SessionOptions.OptLevel.NO_OPT;
            case BASIC:
                return OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case EXTENDED:
                return OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default:
                return OrtSession.SessionOptions.OptLevel.ALL_OPT;
        }
    }
}
