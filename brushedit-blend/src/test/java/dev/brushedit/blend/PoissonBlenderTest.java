package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

/** Gradient-domain blending: gradients from the source, border values from the target. */
class PoissonBlenderTest {

    private static RgbImage ramp(int w, int h, int offset) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                px[i] = (byte) (offset + 3 * x);
                px[i + 1] = (byte) (offset + 2 * y);
                px[i + 2] = (byte) offset;
            }
        }
        return RgbImage.of(w, h, px);
    }

    @Test
    void aSourceWithTheSameGradientsButAnotherLevelTakesTheTargetsLevel() {
        RgbImage target = ramp(40, 30, 20);
        RgbImage source = ramp(40, 30, 90);        // same gradients, 70 brighter
        Mask region = Mask.ofBox(40, 30, new Box(10, 8, 30, 22));
        RgbImage out = PoissonBlender.defaults().blend(target, source, region);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(Math.abs(out.channel(x, y, c) - target.channel(x, y, c))).as("%d,%d,%d", x, y, c)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void aFlatTargetKeepsTheSourcesDetailShiftedToTheBorderAndNothingOutsideChanges() {
        RgbImage target = RgbImage.filled(32, 32, 100, 100, 100);
        byte[] px = RgbImage.filled(32, 32, 200, 200, 200).toRgbBytes();
        int centre = 3 * (16 * 32 + 16);
        px[centre] = (byte) 250;                   // a bright dot in the source
        RgbImage source = RgbImage.of(32, 32, px);
        Mask region = Mask.ofBox(32, 32, new Box(8, 8, 24, 24));
        RgbImage out = PoissonBlender.defaults().blend(target, source, region);
        assertThat(out.channel(0, 0, 0)).isEqualTo(100);
        assertThat(out.channel(9, 9, 1)).isBetween(99, 101);       // level from the border, not the source's 200
        assertThat(out.channel(16, 16, 0)).isGreaterThan(out.channel(14, 16, 0) + 20); // the dot's contrast survives
        assertThat(out.channel(16, 16, 1)).isBetween(99, 101);
    }

    @Test
    void badInputs() {
        RgbImage a = RgbImage.filled(8, 8, 1, 2, 3);
        assertThatThrownBy(() -> PoissonBlender.defaults().blend(a, RgbImage.filled(4, 8, 0, 0, 0), Mask.full(8, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("target's size");
        assertThatThrownBy(() -> PoissonBlender.defaults().blend(a, a, Mask.full(8, 8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole 8x8 image");
        assertThat(PoissonBlender.defaults().blend(a, a, Mask.empty(8, 8))).isSameAs(a);
        assertThatThrownBy(() -> PoissonBlender.builder().maxIterations(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxIterations");
    }
}
