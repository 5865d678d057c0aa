package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/benchmark-instructions-sixth.tsv: a sixth set of verbatim
 * instructions from permissively licensed sources that no earlier set used (mostly CIRR's human-written modification
 * requests, plus the example instructions of SLD, VisProg, Qwen-Image, DiffSynth-Studio, instruction-tuned-sd and five
 * more), with one MOVE and one RESIZE row, composed and labelled by an author independent of the grammar before the
 * instructor was first run on it (see the README next to it). Scored the same way as {@link BenchmarkInstructionsTest};
 * prints, and writes to target/benchmark-instructions-sixth-report.md, the per-category accuracy, the confusion matrix
 * and the misses.
 */
class BenchmarkInstructionsSixthTest {
    /**
     * Category accuracy floor. The set's first (held-out) run, on issue 11's round-4 grammar, scored 140/156 (89.7 %);
     * round 5 then fixed its misses as general rules, so the set is in sample and scores 156/156; the floor is one row
     * below that. The held-out record stays the first run (BENCHMARKS.md).
     */
    static final double CATEGORY_THRESHOLD = 155.0 / 156;
    /** Target match floor, over all rows: first run 137/156 (87.8 %), after round 5 156/156 (in sample); one row below. */
    static final double TARGET_THRESHOLD = 155.0 / 156;

    @Test
    void categoryAndTargetOnTheSixthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-sixth.tsv", 156, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
