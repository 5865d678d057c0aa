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
    /** Category accuracy floor: set after the first run (see BENCHMARKS.md). */
    static final double CATEGORY_THRESHOLD = 0.0;
    /** Target match floor, over all rows: set after the first run (see BENCHMARKS.md). */
    static final double TARGET_THRESHOLD = 0.0;

    @Test
    void categoryAndTargetOnTheSixthBenchmarkSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("benchmark-instructions-sixth.tsv", 156, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
