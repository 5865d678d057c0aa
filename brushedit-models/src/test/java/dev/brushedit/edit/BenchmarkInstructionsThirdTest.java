package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-third.tsv: a third set of verbatim
 * instructions (MagicBrush via ImagenHub, InstructPix2Pix, MGIE, OmniGen2, diffusers), composed and labelled by an
 * author independent of the grammar before the instructor was first run on it (see the README next to it); in sample
 * since issue 11's third round fixed the grammar on its misses. Scored the
 * same way as {@link BenchmarkInstructionsTest}; prints, and writes to target/benchmark-instructions-third-report.md,
 * the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsThirdTest {
    /**
     * Category accuracy floor. The set's first run on the grammar of issue 11's second round scored 122/139 (87.8 %,
     * the held-out figure, kept in BENCHMARKS.md); its misses then guided the third round's general rules, so the set is
     * in sample since. Now met: 139/139; the floor is one row less (138/139), so that any regression fails.
     */
    static final double CATEGORY_THRESHOLD = 0.992;
    /** Target match floor, over all rows: first run 109/139 (78.4 %, held out); now met 139/139, floored to one row less. */
    static final double TARGET_THRESHOLD = 0.992;

    @Test
    void categoryAndTargetOnTheThirdBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-third.tsv", 120, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
