package dev.brushedit.inpaint.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accumulates wall time per named stage, in first-use order, for provenance.
 *
 * <p>Thread-safety: not thread-safe; one per inpainting call.
 */
public final class StageTimer {
    private final Map<String, Duration> stages = new LinkedHashMap<>();

    /** Runs {@code work} and adds its duration to {@code stage}. */
    public <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.merge(stage, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
        }
    }

    /** Adds {@code nanos} to {@code stage}. */
    public void add(String stage, long nanos) {
        stages.merge(stage, Duration.ofNanos(nanos), Duration::plus);
    }

    /** The stages so far. */
    public Map<String, Duration> stages() {
        return stages;
    }
}
