package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-seventh.tsv: a seventh set of verbatim
 * instructions from sources no earlier set used (InsV2V's LOVEU-TGVE edit instructions, ControlLLM's tool benchmark,
 * VINCIE and a few demo and example lists), composed and labelled by an author independent of the grammar before the
 * instructor was first run on it (see the README next to it). Scored the same way as {@link BenchmarkInstructionsTest};
 * prints, and writes to target/benchmark-instructions-seventh-report.md, the per-category accuracy, the confusion
 * matrix and the misses.
 */
class BenchmarkInstructionsSeventhTest {
    /**
     * Category accuracy floor. Held out from issue 11's round 5 (the grammar's author never saw the set): on the
     * round-4 grammar 155/168, after round 5 156/168 (92.9 %); the floor is one row below the latter.
     */
    static final double CATEGORY_THRESHOLD = 155.0 / 168;
    /** Target match floor, over all rows: round 4 154/168, after round 5 155/168 (92.3 %); one row below. */
    static final double TARGET_THRESHOLD = 154.0 / 168;

    @Test
    void categoryAndTargetOnTheSeventhBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-seventh.tsv", 168, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
