package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Interpolation;
import dev.brushedit.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void constructorsAndQueries() {
        Mask m = Mask.of(3, 2, new float[] {0, 0.5f, 1, 0.25f, 1, 0});

        assertThat(m.width()).isEqualTo(3);
        assertThat(m.height()).isEqualTo(2);
        assertThat(m.get(2, 0)).isEqualTo(1f);
        assertThat(m.area()).isEqualTo(3);
        assertThat(m.isBinary()).isFalse();
        assertThat(m.isEmpty()).isFalse();
        assertThat(m.boundingBox()).isEqualTo(new Box(1, 0, 3, 2));
        assertThat(Mask.empty(2, 2).isEmpty()).isTrue();
        assertThat(Mask.empty(2, 2).boundingBox()).isNull();
        assertThat(Mask.full(2, 2).isFull()).isTrue();
        assertThat(m.toString()).isEqualTo("Mask[3x2]");
    }

    @Test
    void ofBoxClampsToTheMask() {
        Mask m = Mask.ofBox(4, 3, new Box(2, 1, 10, 10));

        assertThat(m.toArray()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1);
        assertThat(m.boundingBox()).isEqualTo(new Box(2, 1, 4, 3));
    }

    @Test
    void fromImageThresholdsTheMeanOfRgb() {
        // means: 0, 127, 128, 255 ; the middle pixel mixes channels (mean 128)
        RgbImage img = RgbImage.of(5, 1, new byte[] {0, 0, 0, 127, 127, 127, (byte) 128, (byte) 128, (byte) 128,
            (byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 129, 0});

        assertThat(Mask.fromImage(img, 128).toArray()).containsExactly(0, 0, 1, 1, 1);
        assertThat(Mask.fromImage(img, 1).toArray()).containsExactly(0, 1, 1, 1, 1);
        assertThat(Mask.fromImageSoft(img).get(3, 0)).isEqualTo(1f);
        assertThat(Mask.fromImageSoft(img).get(1, 0)).isEqualTo(127f / 255f);
        assertThatThrownBy(() -> Mask.fromImage(img, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("threshold must be between 1 and 255, was 0");
        assertThatThrownBy(() -> Mask.fromImage(null, 128)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tensorAndImageConversions() {
        Mask m = Mask.of(2, 2, new float[] {0, 1, 0.5f, 1});
        Tensor t = m.toTensor();

        assertThat(t.shape()).containsExactly(1, 1, 2, 2);
        assertThat(t.get(0, 0, 1, 0)).isEqualTo(0.5f);
        assertThat(Mask.fromTensor(t).sameValues(m)).isTrue();
        assertThat(Mask.fromTensor(t.reshape(2, 2)).sameValues(m)).isTrue();
        assertThat(m.toImage().rgb(1, 0)).isEqualTo(0xffffff);
        assertThat(m.toImage().rgb(0, 1)).isEqualTo(0x808080);
        assertThat(Mask.fromImage(m.toImage(), 128).sameValues(m.binarize(0.5f))).isTrue();
        assertThatThrownBy(() -> Mask.fromTensor(Tensor.zeros(1, 2, 2, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1, 2, 2, 2]");
        assertThatThrownBy(() -> Mask.fromTensor(Tensor.full(1.5f, 2, 2))).hasMessageContaining("1.5");
    }

    @Test
    void resizeBinarizeInvertCrop() {
        Mask m = Mask.ofBox(4, 4, new Box(0, 0, 2, 2));

        Mask up = m.resize(8, 8, Interpolation.NEAREST);
        Mask soft = m.resize(2, 2, Interpolation.AREA);
        Mask cubic = m.resize(7, 5, Interpolation.BICUBIC);

        assertThat(up.width()).isEqualTo(8);
        assertThat(up.boundingBox()).isEqualTo(new Box(0, 0, 4, 4));
        assertThat(soft.toArray()).containsExactly(1, 0, 0, 0);
        for (float v : cubic.toArray()) {
            assertThat(v).isBetween(0f, 1f); // bicubic overshoot is clamped
        }
        assertThat(m.toTensor().resize(5, 7, Interpolation.BICUBIC).max()).isGreaterThan(1f);
        assertThat(m.invert().get(3, 3)).isEqualTo(1f);
        assertThat(m.invert().get(0, 0)).isEqualTo(0f);
        assertThat(Mask.of(1, 2, new float[] {0.49f, 0.5f}).binarize(0.5f).toArray()).containsExactly(0, 1);
        assertThat(m.crop(new Box(1, 1, 3, 3)).toArray()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Mask.of(2, 1, new float[] {0, 1.01f}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1.01").hasMessageContaining("x=1");
        assertThatThrownBy(() -> Mask.of(2, 1, new float[] {Float.NaN, 0})).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Mask.of(2, 2, new float[3])).hasMessageContaining("4");
        assertThatThrownBy(() -> Mask.empty(0, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Mask.ofBox(2, 2, null)).isInstanceOf(InvalidInputException.class);
        Mask m = Mask.empty(3, 2);
        assertThatThrownBy(() -> m.get(3, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("3x2");
        assertThatThrownBy(() -> m.resize(0, 2, Interpolation.AREA)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> m.binarize(2f)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> m.crop(new Box(0, 0, 4, 1))).hasMessageContaining("3x2");
        assertThatThrownBy(() -> m.requireSameSize(RgbImage.filled(2, 3, 0, 0, 0)))
                .hasMessageContaining("3x2").hasMessageContaining("2x3");
        assertThat(m.requireSameSize(RgbImage.filled(3, 2, 0, 0, 0))).isSameAs(m);
    }
}
