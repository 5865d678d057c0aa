package dev.brushedit.inpaint.outpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

/** The extension value type and the canvas it builds. */
class OutpaintExtensionTest {

    @Test
    void pixelsAreKeptAndAspectRatiosSplitTheExtraBetweenTwoSides() {
        assertThat(OutpaintExtension.pixels(64, 0, 32, 8).sidesFor(100, 50)).isEqualTo(new Sides(64, 0, 32, 8));
        assertThat(OutpaintExtension.uniform(5).sidesFor(10, 10)).isEqualTo(new Sides(5, 5, 5, 5));
        // 640x427 to 16:9 -> 759 wide: 119 extra, 59 left and 60 right
        assertThat(OutpaintExtension.aspect("16:9").sidesFor(640, 427)).isEqualTo(new Sides(59, 0, 60, 0));
        // 600x400 to 1:1 -> 600 high: 100 top and 100 bottom
        assertThat(OutpaintExtension.aspect(1, 1).sidesFor(600, 400)).isEqualTo(new Sides(0, 100, 0, 100));
        assertThat(OutpaintExtension.aspect("3x2").sidesFor(600, 400).isZero()).isTrue();
        assertThat(OutpaintExtension.aspect("2.39:1").isAspect()).isTrue();
    }

    @Test
    void badValuesAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> OutpaintExtension.pixels(-1, 0, 0, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("left must be between 0 and 8192, was -1");
        assertThatThrownBy(() -> OutpaintExtension.pixels(0, 0, 0, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one side");
        assertThatThrownBy(() -> OutpaintExtension.aspect("16-9")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("W:H");
        assertThatThrownBy(() -> OutpaintExtension.aspect("a:b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"a:b\"");
        assertThatThrownBy(() -> OutpaintExtension.aspect(0, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> OutpaintExtension.aspect(40, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1:16 and 16:1");
        assertThatThrownBy(() -> OutpaintExtension.builder().left(4).aspect(1, 1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> OutpaintExtension.builder().seamWidth(-2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("seamWidth");
    }

    @Test
    void theCanvasHoldsTheOriginalTheFillAndASoftSeamOnlyAlongExtendedEdges() {
        RgbImage image = RgbImage.filled(40, 20, 200, 100, 50);
        OutpaintCanvas c = OutpaintCanvas.build(image, new Sides(8, 0, 0, 4), 4, InitialFill.BLACK);
        assertThat(c.canvas().width()).isEqualTo(48);
        assertThat(c.canvas().height()).isEqualTo(24);
        assertThat(c.originalBox().x0()).isEqualTo(8);
        assertThat(c.canvas().rgb(0, 0)).isEqualTo(0);
        assertThat(c.canvas().rgb(20, 10)).isEqualTo(image.rgb(0, 0));
        Mask w = c.seamWeights();
        assertThat(w.get(7, 5)).isEqualTo(1f);                  // new area
        assertThat(w.get(8, 5)).isBetween(0.9f, 1f);            // first original column: mostly generated
        assertThat(w.get(11, 5)).isBetween(0f, 0.1f);           // last band column: mostly original
        assertThat(w.get(12, 5)).isZero();                      // beyond the band
        assertThat(w.get(47, 0)).isZero();                      // top and right edges were not extended
        assertThat(w.get(30, 19)).isGreaterThan(0f);            // bottom band
        assertThat(c.mask().get(11, 5)).isEqualTo(1f);
        assertThat(c.mask().get(12, 5)).isZero();
        RgbImage white = RgbImage.filled(48, 24, 255, 255, 255);
        RgbImage out = c.composite(white);
        assertThat(out.rgb(0, 0)).isEqualTo(0xffffff);
        assertThat(out.rgb(20, 10)).isEqualTo(image.rgb(0, 0));
        assertThat(out.channel(9, 5, 2)).isStrictlyBetween(50, 255);
    }

    @Test
    void mirrorAndGrayFills() {
        byte[] px = new byte[3 * 4];
        for (int x = 0; x < 4; x++) {
            px[3 * x] = (byte) (10 * (x + 1));
        }
        RgbImage row = RgbImage.of(4, 1, px);
        OutpaintCanvas m = OutpaintCanvas.build(row, new Sides(3, 0, 2, 0), 0, InitialFill.MIRROR);
        int[] reds = new int[9];
        for (int x = 0; x < 9; x++) {
            reds[x] = m.canvas().channel(x, 0, 0);
        }
        assertThat(reds).containsExactly(30, 20, 10, 10, 20, 30, 40, 40, 30);
        assertThat(OutpaintCanvas.build(row, new Sides(1, 0, 0, 0), 0, InitialFill.GRAY).canvas().rgb(0, 0))
                .isEqualTo(0x808080);
        assertThatThrownBy(() -> m.composite(row)).isInstanceOf(InvalidInputException.class).hasMessageContaining("9x1");
    }
}
