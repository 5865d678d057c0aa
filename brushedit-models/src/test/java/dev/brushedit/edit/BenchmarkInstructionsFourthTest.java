package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-fourth.tsv: a fourth set of verbatim
 * instructions (GEdit-Bench, AURORA, HiDream-E1, Inst-Inpaint, Step1X-Edit), with MOVE and RESIZE rows, composed and
 * labelled by an author independent of the grammar before the instructor was first run on it (see the README next to
 * it). In sample since issue 11's fourth round read its misses. Scored the same way as {@link BenchmarkInstructionsTest}; prints, and writes to
 * target/benchmark-instructions-fourth-report.md, the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsFourthTest {
    /**
     * Category accuracy floor. The set's held-out figures (first run, main's grammar before issue 11's third round:
     * 146/176, 83.0 %; the round-3 grammar: 145/176, 82.4 %) stay recorded in BENCHMARKS.md. Issue 11's fourth round
     * (the {@code grammar5} helper) read those misses and fixed each as a general rule, so the set is now in sample:
     * it scores 176/176, and the floor is one miss below (175/176 = 99.4 %).
     */
    static final double CATEGORY_THRESHOLD = 0.994;
    /** Target match floor, over all rows: in sample after round 4, 176/176, one miss below (175/176 = 99.4 %). */
    static final double TARGET_THRESHOLD = 0.994;

    @Test
    void categoryAndTargetOnTheFourthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-fourth.tsv", 170, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
