package dev.brushedit.batch;

import dev.brushedit.core.Checks;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a whole batch: every item's result, in input order, and the wall time.
 *
 * <p>Thread-safety: immutable.
 *
 * @param results one result per item
 * @param elapsed wall time of the batch (the model load excluded)
 */
public record BatchSummary(List<ItemResult> results, Duration elapsed) {

    /** Copies the list. */
    public BatchSummary {
        results = List.copyOf(Checks.notNull("results", results));
        Checks.notNull("elapsed", elapsed);
    }

    /** How many items have {@code status}. */
    public long count(ItemStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** One line: {@code 3 done, 1 skipped, 1 failed in 4.2 s}. */
    public String line() {
        return count(ItemStatus.DONE) + " done, " + count(ItemStatus.SKIPPED) + " skipped, " + count(ItemStatus.FAILED)
                + " failed in " + String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
