package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
        List<BenchmarkInstructionsTest.Row> rows = BenchmarkInstructionsTest.rows("/edit/benchmark-instructions-heldout.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(80);
        BenchmarkInstructionsTest.Score score = BenchmarkInstructionsTest.score("benchmark-instructions-heldout.tsv", rows);
        assertThat(score.category()).as("category accuracy; see %s", score.reportFile()).isGreaterThanOrEqualTo(CATEGORY_THRESHOLD);
        assertThat(score.target()).as("target match; see %s", score.reportFile()).isGreaterThanOrEqualTo(TARGET_THRESHOLD);
    }
}
