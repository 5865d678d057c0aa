package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MaskBlenderTest {
    private final RgbImage original = Fixtures.image("blend_original.png");
    private final RgbImage generated = Fixtures.image("blend_generated.png");
    private final Mask mask = Fixtures.mask("blend_mask.png");

    @Test
    void blurredMaskMatchesBrushNetWithOpenCv() {
        double[] expected = Fixtures.doubles(Fixtures.vectors().get("blur").get("k21"));
        float[] actual = MaskBlender.defaults().blurredMask(mask).toArray();
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).isCloseTo(expected[i], Offset.offset(1e-7));
        }
    }

    @Test
    void pasteMatchesBrushNetExactly() {
        RgbImage out = MaskBlender.defaults().blend(original, generated, mask);
        assertThat(Fixtures.diff(out, Fixtures.image("blend_expected.png"))).isZero();
    }

    @Test
    void pixelsBeyondTheBlurRadiusKeepTheOriginal() {
        Mask dot = Mask.ofBox(48, 36, new dev.brushedit.core.image.Box(5, 5, 6, 6));
        RgbImage out = MaskBlender.defaults().blend(original, generated, dot);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 48; x++) {
                if (Math.max(Math.abs(x - 5), Math.abs(y - 5)) > 10) {
                    assertThat(out.rgb(x, y)).isEqualTo(original.rgb(x, y));
                }
            }
        }
        assertThat(out.rgb(5, 5)).isEqualTo(generated.rgb(5, 5));
    }

    @Test
    void emptyMaskReturnsTheOriginalAndFullMaskTheGenerated() {
        assertThat(MaskBlender.defaults().blend(original, generated, Mask.empty(48, 36))).isSameAs(original);
        assertThat(MaskBlender.defaults().blend(original, generated, Mask.full(48, 36)).samePixels(generated)).isTrue();
    }

    @Test
    void oneByOneImage() {
        RgbImage a = RgbImage.filled(1, 1, 10, 20, 30);
        RgbImage b = RgbImage.filled(1, 1, 200, 100, 0);
        assertThat(MaskBlender.defaults().blend(a, b, Mask.full(1, 1)).rgb(0, 0)).isEqualTo(b.rgb(0, 0));
        assertThat(MaskBlender.defaults().blurredMask(Mask.of(1, 1, new float[] {0.5f})).get(0, 0)).isEqualTo(0.75f);
    }

    @Test
    void builderValidatesAndRoundTrips() {
        MaskBlender b = MaskBlender.builder().kernelSize(5).sigma(1.5).build();
        assertThat(b.toBuilder().build().blurredMask(mask).sameValues(b.blurredMask(mask))).isTrue();
        assertThatThrownBy(() -> MaskBlender.builder().kernelSize(20)).isInstanceOf(InvalidInputException.class)
                .hasMessage("kernelSize must be odd, was 20");
        assertThatThrownBy(() -> MaskBlender.builder().sigma(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("sigma must be between 0.0 and 1000.0, was -1.0");
        assertThatThrownBy(() -> MaskBlender.defaults().blend(original, generated, Mask.empty(4, 4)))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask size 4x4 must equal original size 48x36");
        assertThatThrownBy(() -> MaskBlender.defaults().blend(original, RgbImage.filled(2, 2, 0, 0, 0), mask))
                .isInstanceOf(InvalidInputException.class).hasMessage("original size 48x36 must equal generated size 2x2");
        assertThatThrownBy(() -> MaskBlender.defaults().blend(null, generated, mask))
                .isInstanceOf(InvalidInputException.class).hasMessage("original must not be null");
    }
}
