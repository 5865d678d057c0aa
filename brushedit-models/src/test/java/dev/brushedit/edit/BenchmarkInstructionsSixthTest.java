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
     * Category accuracy floor: the set's first (held-out) run, on issue 11's round-4 grammar, scored 140/156 (89.7 %);
     * the floor is one row below. The goal is 90 %.
     */
    static final double CATEGORY_THRESHOLD = 139.0 / 156;
    /** Target match floor, over all rows: the first run scored 137/156 (87.8 %); the floor is one row below. */
    static final double TARGET_THRESHOLD = 136.0 / 156;

    @Test
    void categoryAndTargetOnTheSixthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-sixth.tsv", 156, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
