package dev.brushedit.edit;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The offline instructor on src/test/resources/edit/grammar-round3-instructions.tsv: instructions written by the grammar's
 * own author in the styles of public editing benchmarks and demos, to find gaps (see the README next to it). In sample:
 * the rules were fixed on these rows, so the figure shows coverage, not generalisation. Scored as
 * {@link BenchmarkInstructionsTest} scores its set; the report goes to target/grammar-round3-instructions-report.md.
 */
class GrammarRound3InstructionsTest {
    /** Category accuracy met (339/340) less one row (338/340), so that any regression fails. */
    static final double CATEGORY_THRESHOLD = 0.994;
    /** Target match met (338/340) less one row (337/340). */
    static final double TARGET_THRESHOLD = 0.991;

    @Test
    void categoryAndTargetOnTheAuthorsOwnRoundThreeSet() throws IOException {
        BenchmarkInstructionsTest.assertSetReaches("grammar-round3-instructions.tsv", 340, CATEGORY_THRESHOLD, TARGET_THRESHOLD);
    }
}
