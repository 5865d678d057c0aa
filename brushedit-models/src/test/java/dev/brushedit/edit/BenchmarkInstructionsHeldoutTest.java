package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-heldout.tsv: a second set of
 * verbatim instructions from public editing benchmarks (AnyEdit, InstructDiffusion), composed after the
 * grammar was frozen by another author than the grammar's (see the README next to it); its first-run misses
 * later guided general grammar rules, so it is in sample since (see the thresholds). Scored the same way
 * as {@link BenchmarkInstructionsTest}; prints, and writes to target/benchmark-instructions-heldout-report.md,
 * the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsHeldoutTest {
    /**
     * Category accuracy: 98 %, one miss below the 83/83 met after the grammar rules this set's first-run misses
     * guided (issue 11); the set is in sample since, and its held-out first run (79/83) is recorded in BENCHMARKS.md.
     */
    static final double CATEGORY_THRESHOLD = 0.98;
    /** Target match: 98 %, one miss below the 83/83 met after those rules (first run: 73/83). */
    static final double TARGET_THRESHOLD = 0.98;

    @Test
    void categoryAndTargetOnTheHeldOutBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-heldout.tsv", 80, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
