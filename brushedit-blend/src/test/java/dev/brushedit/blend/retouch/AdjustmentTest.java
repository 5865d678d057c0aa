package dev.brushedit.blend.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Global adjustments measured on the coffee photo. */
class AdjustmentTest {
    static RgbImage coffee;
    static Mask all;
    static boolean[] every;
    static float[] before;

    @BeforeAll
    static void load() {
        coffee = Photos.image("coffee.png");
        all = Mask.full(coffee.width(), coffee.height());
        every = new boolean[coffee.width() * coffee.height()];
        Arrays.fill(every, true);
        before = OkLab.planes(coffee);
    }

    static float[] lab(Adjustment a, double strength) {
        return OkLab.planes(a.apply(coffee, all, strength));
    }

    @Test
    void grayscaleHasZeroChromaAndKeepsLightness() {
        RgbImage gray = Adjustment.GRAYSCALE.apply(coffee, all, 1);
        byte[] px = gray.toRgbBytes();
        for (int i = 0; i < px.length; i += 3) {
            assertThat(px[i]).isEqualTo(px[i + 1]).isEqualTo(px[i + 2]);
        }
        float[] after = OkLab.planes(gray);
        assertThat(Photos.correlation(before, after, every)).isGreaterThan(0.999);
        assertThat(Math.abs(Photos.mean(after, 0, every) - Photos.mean(before, 0, every))).isLessThan(0.005);
    }

    @Test
    void sepiaIsAWarmBrownOfModestChroma() {
        float[] after = lab(Adjustment.SEPIA, 1);
        assertThat(Photos.hueDistance(Photos.meanHue(after, every), 65)).isLessThan(5.0);
        assertThat(Photos.meanChroma(after, every)).isBetween(0.02, 0.06);
        assertThat(Photos.correlation(before, after, every)).isGreaterThan(0.99);
    }

    @Test
    void brighterAndDarkerMoveTheMeanLightness() {
        double mean = Photos.mean(before, 0, every);
        assertThat(Photos.mean(lab(Adjustment.BRIGHTER, 1), 0, every)).isGreaterThan(mean + 0.04);
        assertThat(Photos.mean(lab(Adjustment.DARKER, 1), 0, every)).isLessThan(mean - 0.04);
        assertThat(Photos.mean(lab(Adjustment.BRIGHTER, 0.5), 0, every)).isBetween(mean + 0.01, Photos.mean(
                lab(Adjustment.BRIGHTER, 1), 0, every));
    }

    @Test
    void warmerAndCoolerShiftTheBlueYellowAxis() {
        int n = every.length;
        double b = Photos.mean(before, 2 * n, every);
        assertThat(Photos.mean(lab(Adjustment.WARMER, 1), 2 * n, every)).isGreaterThan(b + 0.015);
        assertThat(Photos.mean(lab(Adjustment.COOLER, 1), 2 * n, every)).isLessThan(b - 0.015);
    }

    @Test
    void contrastAndSaturationScaleTheirSpread() {
        double sd = sd(before);
        assertThat(sd(lab(Adjustment.MORE_CONTRAST, 1))).isGreaterThan(sd * 1.15);
        assertThat(sd(lab(Adjustment.LESS_CONTRAST, 1))).isLessThan(sd * 0.85);
        double chroma = Photos.meanChroma(before, every);
        assertThat(Photos.meanChroma(lab(Adjustment.MORE_SATURATED, 1), every)).isGreaterThan(chroma * 1.15);
        assertThat(Photos.meanChroma(lab(Adjustment.LESS_SATURATED, 1), every)).isLessThan(chroma * 0.65);
    }

    @Test
    void onlyTheMaskedPartChanges() {
        Mask left = Mask.ofBox(coffee.width(), coffee.height(), new Box(0, 0, 300, 400));
        RgbImage out = Adjustment.GRAYSCALE.apply(coffee, left, 1);
        boolean[] right = Photos.set(left.invert());
        assertThat(Photos.differing(coffee, out, right)).isZero();
        assertThat(Photos.differing(coffee, out, Photos.set(left))).isGreaterThan(100_000);
    }

    static double sd(float[] lab) {
        double mean = Photos.mean(lab, 0, every);
        double s = 0;
        for (int i = 0; i < every.length; i++) {
            s += (lab[i] - mean) * (lab[i] - mean);
        }
        return Math.sqrt(s / every.length);
    }
}
