package dev.brushedit.batch;

import dev.brushedit.core.Checks;
import dev.brushedit.inpaint.Provenance;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one item's output was made, flattened to text for a results table.
 *
 * <p>Thread-safety: immutable.
 *
 * @param executor who carried out the item: {@code inpainter/BACKEND} or a weight-free edit executor
 * @param backend the inpainting backend of the provenance ({@code patchmatch}, {@code brushnet}, ...)
 * @param seed the seed used
 * @param plan the edit plan followed ({@code CATEGORY "object" -> "caption"}), or empty for an inpainting
 * @param modelHashes the model files used with their SHA-256, {@code file=hash} joined by spaces; empty for weight-free runs
 * @param workRegion the region the backend worked on
 * @param stageTimings milliseconds per stage, {@code stage=ms} joined by spaces
 */
public record ItemOutcome(String executor, String backend, long seed, String plan, String modelHashes, String workRegion,
        String stageTimings) {

    /** Checks that no field is null. */
    public ItemOutcome {
        Checks.notNull("executor", executor);
        Checks.notNull("backend", backend);
        Checks.notNull("plan", plan);
        Checks.notNull("modelHashes", modelHashes);
        Checks.notNull("workRegion", workRegion);
        Checks.notNull("stageTimings", stageTimings);
    }

    /** The outcome recorded in {@code provenance}, carried out by {@code executor} following {@code plan}. */
    public static ItemOutcome of(String executor, String plan, Provenance provenance) {
        return new ItemOutcome(executor, provenance.backend(), provenance.seed(), plan, join(provenance.modelHashes()),
                provenance.workRegion(), provenance.stageTimings().entrySet().stream()
                        .map(e -> e.getKey() + "=" + millis(e.getValue())).collect(Collectors.joining(" ")));
    }

    private static String join(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
