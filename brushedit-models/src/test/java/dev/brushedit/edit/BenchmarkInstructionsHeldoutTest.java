package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-heldout.tsv: a second set of
 * verbatim instructions from public editing benchmarks (AnyEdit, InstructDiffusion), composed after the
 * grammar was frozen by another author than the grammar's (see the README next to it). Scored the same way
 * as {@link BenchmarkInstructionsTest}; prints, and writes to target/benchmark-instructions-heldout-report.md,
 * the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsHeldoutTest {
    /** Category accuracy measured on the set's first run, floored to the percent below; fails on any regression. */
    static final double CATEGORY_THRESHOLD = 0.95;
    /** Target match measured on the set's first run, floored to the percent below. */
    static final double TARGET_THRESHOLD = 0.87;

    @Test
    void categoryAndTargetOnTheHeldOutBenchmarkSet() throws IOException {
        List<BenchmarkInstructionsTest.Row> rows = BenchmarkInstructionsTest.rows("/edit/benchmark-instructions-heldout.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(80);
        BenchmarkInstructionsTest.Score score = BenchmarkInstructionsTest.score("benchmark-instructions-heldout.tsv", rows);
        assertThat(score.category()).as("category accuracy; see %s", score.reportFile()).isGreaterThanOrEqualTo(CATEGORY_THRESHOLD);
        assertThat(score.target()).as("target match; see %s", score.reportFile()).isGreaterThanOrEqualTo(TARGET_THRESHOLD);
    }
}
