package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-fifth.tsv: a fifth set of verbatim
 * instructions (the GEdit-Bench and AURORA rows the fourth set did not take), with MOVE rows, composed and labelled by
 * an author independent of the grammar before the instructor was first run on it (see the README next to it). Scored
 * the same way as {@link BenchmarkInstructionsTest}; prints, and writes to
 * target/benchmark-instructions-fifth-report.md, the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsFifthTest {
    /**
     * Category accuracy floor: the set's first (held-out) run, on issue 11's round-4 grammar, scored 155/161 (96.3 %);
     * floored to the percent below. The goal is 90 %.
     */
    static final double CATEGORY_THRESHOLD = 0.96;
    /** Target match floor, over all rows: the first run scored 151/161 (93.8 %); floored to the percent below. */
    static final double TARGET_THRESHOLD = 0.93;

    @Test
    void categoryAndTargetOnTheFifthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-fifth.tsv", 155, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
