package dev.brushedit.blend.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recolouring the cup and saucer of the coffee photo (samples/coffee-cup-saucer-mask.png). */
class RecolourTest {
    static RgbImage coffee;
    static Mask cup;
    static boolean[] core;
    static boolean[] outside;
    static float[] before;
    static double sigma;

    @BeforeAll
    static void load() {
        coffee = Photos.image("coffee.png");
        cup = Photos.mask("coffee-cup-saucer-mask.png");
        sigma = Matte.defaultSigma(coffee.width(), coffee.height());
        int reach = Matte.reach(sigma);
        core = Photos.set(MaskOps.erode(cup, StructuringElement.square(2 * reach + 1), 1));
        outside = Photos.set(MaskOps.dilate(cup, StructuringElement.square(2 * reach + 3), 1).invert());
        before = OkLab.planes(coffee);
    }

    @ParameterizedTest
    @CsvSource({"red, FF0000", "blue, 0000FF", "light green, 90EE90", "gold, FFD700", "purple, 800080"})
    void takesTheHueKeepsTheShadingAndLeavesTheRest(String name, String hex) {
        int rgb = Integer.parseInt(hex, 16);
        RgbImage out = Recolour.apply(coffee, cup, rgb, Recolour.DEFAULT_LIGHTNESS_SHIFT, sigma);
        float[] after = OkLab.planes(out);
        float[] target = OkLab.fromRgb(rgb);
        double targetHue = Math.toDegrees(Math.atan2(target[2], target[1]));
        assertThat(Photos.hueDistance(Photos.meanHue(after, core), targetHue)).as("hue of " + name).isLessThan(8.0);
        assertThat(Photos.correlation(before, after, core)).as("lightness correlation").isGreaterThan(0.9);
        assertThat(Photos.differing(coffee, out, outside)).as("pixels changed beyond the feather").isZero();
        double meanBefore = Photos.mean(before, 0, core);
        double meanAfter = Photos.mean(after, 0, core);
        double expected = meanBefore + Recolour.DEFAULT_LIGHTNESS_SHIFT * (target[0] - meanBefore);
        assertThat(Math.abs(meanAfter - expected)).as("mean lightness moved toward the target").isLessThan(0.05);
    }

    @Test
    void whiteAndBlackTargetsLoseTheChromaAndMoveTheLightness() {
        double meanBefore = Photos.mean(before, 0, core);
        float[] white = OkLab.planes(Recolour.apply(coffee, cup, 0xFFFFFF, Recolour.DEFAULT_LIGHTNESS_SHIFT, sigma));
        float[] black = OkLab.planes(Recolour.apply(coffee, cup, 0x000000, Recolour.DEFAULT_LIGHTNESS_SHIFT, sigma));
        assertThat(Photos.meanChroma(before, core)).isGreaterThan(0.1);
        assertThat(Photos.meanChroma(white, core)).isLessThan(0.01);
        assertThat(Photos.meanChroma(black, core)).isLessThan(0.01);
        assertThat(Photos.mean(white, 0, core)).isGreaterThan(meanBefore + 0.25);
        assertThat(Photos.mean(black, 0, core)).isLessThan(meanBefore - 0.2);
        assertThat(Photos.correlation(before, white, core)).isGreaterThan(0.9);
        assertThat(Photos.correlation(before, black, core)).isGreaterThan(0.9);
    }

    @Test
    void theEdgeIsSoft() {
        RgbImage out = Recolour.apply(coffee, cup, 0x0000FF, Recolour.DEFAULT_LIGHTNESS_SHIFT, sigma);
        RgbImage hard = Recolour.apply(coffee, cup, 0x0000FF, Recolour.DEFAULT_LIGHTNESS_SHIFT, 0);
        boolean[] ring = Photos.set(MaskOps.difference(MaskOps.dilate(cup, StructuringElement.square(3), 1), cup));
        assertThat(Photos.differing(coffee, hard, ring)).as("no feather: the ring outside is untouched").isZero();
        assertThat(Photos.differing(coffee, out, ring)).as("feathered: the ring outside is partly recoloured")
                .isGreaterThan(Photos.count(ring) / 2);
    }

    @Test
    void theAstronautsOrangeSuitTurnsGreenWithItsFoldsKept() {
        RgbImage astronaut = Photos.image("astronaut.png");
        float[] lab = OkLab.planes(astronaut);
        float[] subject = Photos.mask("astronaut-subject-mask.png").toArray();
        int n = subject.length;
        float[] suit = new float[n];
        for (int i = 0; i < n; i++) {
            double hue = Math.toDegrees(Math.atan2(lab[2 * n + i], lab[n + i]));
            double chroma = Math.hypot(lab[n + i], lab[2 * n + i]);
            suit[i] = subject[i] > 0.5f && chroma > 0.1 && hue > 25 && hue < 85 ? 1f : 0f;
        }
        Mask suitMask = MaskOps.open(Mask.of(512, 512, suit), StructuringElement.square(5), 1);
        boolean[] inside = Photos.set(MaskOps.erode(suitMask, StructuringElement.square(7), 1));
        assertThat(Photos.count(inside)).isGreaterThan(30_000);
        RgbImage out = Recolour.apply(astronaut, suitMask, 0x008000, Recolour.DEFAULT_LIGHTNESS_SHIFT, 1.0);
        float[] after = OkLab.planes(out);
        float[] green = OkLab.fromRgb(0x008000);
        assertThat(Photos.hueDistance(Photos.meanHue(after, inside), Math.toDegrees(Math.atan2(green[2], green[1]))))
                .isLessThan(5.0);
        assertThat(Photos.correlation(lab, after, inside)).isGreaterThan(0.9);
        boolean[] away = Photos.set(MaskOps.dilate(suitMask, StructuringElement.square(9), 1).invert());
        assertThat(Photos.differing(astronaut, out, away)).isZero();
    }

    @Test
    void anEmptyMaskIsRefused() {
        assertThatThrownBy(() -> Recolour.apply(coffee, Mask.empty(coffee.width(), coffee.height()), 0xFF0000, 0.5, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }
}
