package dev.brushedit.batch;

import dev.brushedit.core.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of the results table: the item, what became of it, how long it took, and (when it ran) how
 * its output was made.
 *
 * <p>Thread-safety: immutable.
 *
 * @param item the item
 * @param status done, skipped or failed
 * @param seconds wall time spent on the item in this run (0 when skipped)
 * @param outcome how the output was made; present when {@code status} is DONE
 * @param message why it failed, or empty
 */
public record ItemResult(BatchItem item, ItemStatus status, double seconds, Optional<ItemOutcome> outcome, String message) {

    /** The results table's column names, in {@link #row()}'s order. */
    public static final List<String> COLUMNS = List.of("id", "image", "mask", "instruction", "output", "status", "seconds",
            "executor", "backend", "seed", "plan", "model_hashes", "work_region", "stage_ms", "message");

    /** Checks that no field is null and that a DONE result has its outcome. */
    public ItemResult {
        Checks.notNull("item", item);
        Checks.notNull("status", status);
        Checks.notNull("outcome", outcome);
        Checks.notNull("message", message);
        if (status == ItemStatus.DONE && outcome.isEmpty()) {
            throw new dev.brushedit.core.InvalidInputException("a DONE result needs its outcome");
        }
    }

    /** The values of {@link #COLUMNS}; absent values are empty strings. */
    public List<String> row() {
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(item.id());
        r.add(item.image().toString());
        r.add(item.maskFile().map(Object::toString).orElse(""));
        r.add(item.editInstruction().orElse(""));
        r.add(item.outputName());
        r.add(status.name().toLowerCase(java.util.Locale.ROOT));
        r.add(String.format(java.util.Locale.ROOT, "%.3f", seconds));
        r.add(outcome.map(ItemOutcome::executor).orElse(""));
        r.add(outcome.map(ItemOutcome::backend).orElse(""));
        r.add(outcome.map(o -> Long.toString(o.seed())).orElse(""));
        r.add(outcome.map(ItemOutcome::plan).orElse(""));
        r.add(outcome.map(ItemOutcome::modelHashes).orElse(""));
        r.add(outcome.map(ItemOutcome::workRegion).orElse(""));
        r.add(outcome.map(ItemOutcome::stageTimings).orElse(""));
        r.add(message);
        return r;
    }
}
