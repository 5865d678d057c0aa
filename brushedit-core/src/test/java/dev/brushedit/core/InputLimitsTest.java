package dev.brushedit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void defaultFormulaIsHeapOver192ClampedToRange() {
        long gib = 1L << 30;
        assertThat(InputLimits.defaultMaxPixels(3 * gib)).isEqualTo(3 * gib / 192);
        assertThat(InputLimits.defaultMaxPixels(3 * gib)).isEqualTo(16_777_216L);
        assertThat(InputLimits.defaultMaxPixels(16L << 20)).isEqualTo(1L << 18);
        assertThat(InputLimits.defaultMaxPixels(1L << 40)).isEqualTo(1L << 27);
        assertThat(InputLimits.defaultMaxPixels(Long.MAX_VALUE)).isEqualTo(1L << 27);
        assertThat(InputLimits.defaultMaxPixels(-1)).isEqualTo(1L << 18);
        assertThat(InputLimits.defaults().maxPixels())
                .isEqualTo(InputLimits.defaultMaxPixels(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void rejectsImagesOverTheBudgetWithTheDocumentedMessage() {
        InputLimits limits = InputLimits.builder().maxPixels(33_554_432L).build();

        assertThatThrownBy(() -> limits.check(20000, 20000, "image"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("image of 20000x20000 = 400000000 pixels exceeds the pixel budget of 33554432"
                        + " (InputLimits.maxPixels); resize it or raise the limit");
        assertThatCode(() -> limits.check(8192, 4096, "image")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.check(8192, 4097, "image")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsEmptyImages() {
        assertThatThrownBy(() -> InputLimits.defaults().check(0, 10, "mask"))
                .isInstanceOf(InvalidInputException.class).hasMessage("mask must be at least 1x1 pixels, was 0x10");
        assertThatThrownBy(() -> InputLimits.defaults().check(10, -1, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("image must be");
    }

    @Test
    void checksImagesAndMaskSizes() {
        InputLimits limits = InputLimits.builder().maxPixels(100).build();
        RgbImage small = RgbImage.filled(10, 10, 0, 0, 0);

        assertThat(limits.check(small, "image")).isSameAs(small);
        assertThatThrownBy(() -> limits.check(RgbImage.filled(11, 10, 0, 0, 0), "input"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("input of 11x10 = 110 pixels");
        assertThatCode(() -> limits.checkSameSize(small, Mask.empty(10, 10))).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.checkSameSize(small, Mask.empty(10, 9)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10x9").hasMessageContaining("10x10");
        assertThatThrownBy(() -> limits.checkSameSize(null, Mask.empty(1, 1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void builderValidatesAndToBuilderKeepsValues() {
        InputLimits limits = InputLimits.builder().maxPixels(1234).build();

        assertThat(limits.toBuilder().build().maxPixels()).isEqualTo(1234);
        assertThat(limits.toString()).contains("1234");
        assertThatThrownBy(() -> InputLimits.builder().maxPixels(0))
                .isInstanceOf(InvalidInputException.class).hasMessage("maxPixels must be between 1 and 134217728, was 0");
        assertThatThrownBy(() -> InputLimits.builder().maxPixels((1L << 27) + 1)).isInstanceOf(InvalidInputException.class);
    }
}
