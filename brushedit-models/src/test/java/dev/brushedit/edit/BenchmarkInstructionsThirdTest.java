package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-third.tsv: a third set of verbatim
 * instructions (MagicBrush via ImagenHub, InstructPix2Pix, MGIE, OmniGen2, diffusers), composed and labelled by an
 * author independent of the grammar before the instructor was first run on it (see the README next to it). Scored the
 * same way as {@link BenchmarkInstructionsTest}; prints, and writes to target/benchmark-instructions-third-report.md,
 * the per-category accuracy, the confusion matrix and the misses.
 */
class BenchmarkInstructionsThirdTest {
    /**
     * Category accuracy floor: the set's first run on the grammar of issue 11's second round (122/139, 87.8 %),
     * floored to the percent below, so that any regression fails. The goal is 90 %; not met on this set.
     */
    static final double CATEGORY_THRESHOLD = 0.87;
    /** Target match floor, over all rows: the first run's 109/139 (78.4 %) floored to the percent below (goal 90 %). */
    static final double TARGET_THRESHOLD = 0.78;

    @Test
    void categoryAndTargetOnTheThirdBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-third.tsv", 120, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
