package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-fourth.tsv: a fourth set of verbatim
 * instructions (GEdit-Bench, AURORA, HiDream-E1, Inst-Inpaint, Step1X-Edit), with MOVE and RESIZE rows, composed and
 * labelled by an author independent of the grammar before the instructor was first run on it (see the README next to
 * it). Scored the same way as {@link BenchmarkInstructionsTest}; prints, and writes to
 * target/benchmark-instructions-fourth-report.md, the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsFourthTest {
    /**
     * Category accuracy floor: the set's first run, on main's grammar before issue 11's third round (146/176, 83.0 %),
     * floored to the percent below, so that it passes on main; the integrator raises it once the new grammar is merged.
     * The goal is 90 %.
     */
    static final double CATEGORY_THRESHOLD = 0.82;
    /** Target match floor, over all rows: the first run's 147/176 (83.5 %) floored to the percent below (goal 90 %). */
    static final double TARGET_THRESHOLD = 0.83;

    @Test
    void categoryAndTargetOnTheFourthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-fourth.tsv", 170, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
