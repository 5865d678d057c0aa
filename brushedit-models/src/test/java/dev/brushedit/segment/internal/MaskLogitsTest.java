package dev.brushedit.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskLogitsTest {
    private static final float[] PLANES = {
        9, 9, 9, 9, 9, 9,
        -3, 0.5f, 2,
        -2, 1.5f, -0.5f};

    @Test
    void stabilityScoreCountsLogitsAboveBothOffsets() {
        assertThat(MaskLogits.stabilityScore(PLANES, 6, 6, 0f, 1f)).isEqualTo(2f / 4f);
        assertThat(MaskLogits.stabilityScore(new float[] {-5, -5}, 0, 2, 0f, 1f)).isZero();
    }

    @Test
    void boxHasInclusiveCornersOfPositivePixels() {
        assertThat(MaskLogits.box(PLANES, 6, 2, 3, 0f)).containsExactly(1, 0, 2, 1);
        assertThat(MaskLogits.box(new float[] {-1, -1, -1, -1}, 0, 2, 2, 0f)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void bitsRoundTripToTheBinaryValues() {
        float[] logits = {0f, 0.1f, -1f, 3f, 2f};
        java.util.BitSet bits = MaskLogits.bits(logits, 1, 4, 0f);
        assertThat(bits.cardinality()).isEqualTo(3);
        assertThat(MaskLogits.values(bits, 4)).containsExactly(MaskLogits.binary(logits, 1, 4, 0f));
    }

    @Test
    void binaryThresholdsStrictly() {
        assertThat(MaskLogits.binary(new float[] {0f, 0.1f, -1f}, 0, 3, 0f)).containsExactly(0f, 1f, 0f);
    }
}
