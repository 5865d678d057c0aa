package dev.brushedit.inpaint.patchmatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source-distance penalty of the nearest-neighbour field. */
class NearestNeighbourFieldTest {

    /** A flat image (every source patch matches equally well) with a box hole. */
    private static Level flat() {
        int w = 96;
        int h = 96;
        float[] rgb = new float[3 * w * h];
        java.util.Arrays.fill(rgb, 90f);
        boolean[] hole = new boolean[w * h];
        for (int y = 40; y < 56; y++) {
            for (int x = 40; x < 56; x++) {
                hole[y * w + x] = true;
            }
        }
        Level level = new Level(w, h, rgb, hole);
        level.prepare(3);
        return level;
    }

    /** Mean distance in pixels between each target and its source after a few sweeps. */
    private static double meanOffset(double weight) {
        Level level = flat();
        NearestNeighbourField field = new NearestNeighbourField(level, weight);
        field.randomInit(0, level.height, new SplitMix(1));
        for (int pass = 0; pass < 6; pass++) {
            field.sweep(0, level.height, pass % 2 == 0, new SplitMix(10 + pass));
        }
        double sum = 0;
        for (int t : level.targets) {
            int s = field.nnf[t];
            sum += Math.hypot(t % level.width - s % level.width, t / level.width - s / level.width);
        }
        return sum / level.targets.length;
    }

    @Test
    void withAWeightTheNearestOfEquallyGoodSourcesWins() {
        double near = meanOffset(200);
        double any = meanOffset(0);
        // the nearest source of a target in the 16x16 hole (patch radius 3) is at most 11 pixels away
        assertThat(near).isLessThan(12);
        assertThat(any).as("without a weight sources are random").isGreaterThan(25);
    }

    @Test
    void thePenaltyGrowsLinearlyWithTheOffsetAndIsZeroWithoutAWeight() {
        Level level = flat();
        NearestNeighbourField weighted = new NearestNeighbourField(level, 100);
        int t = 48 * level.width + 48;
        float ten = weighted.penalty(t, 48 * level.width + 38);
        float twenty = weighted.penalty(t, 48 * level.width + 28);
        assertThat(ten).isPositive();
        assertThat(twenty).isCloseTo(2 * ten, org.assertj.core.data.Offset.offset(1e-3f * ten));
        // 100 per channel value at one image diagonal; 7x7 patch, 3 channels
        assertThat(ten).isCloseTo((float) (100 * 3 * 49 * 10 / Math.hypot(96, 96)), org.assertj.core.data.Offset.offset(0.01f));
        assertThat(new NearestNeighbourField(level, 0).penalty(t, 0)).isZero();
    }
}
