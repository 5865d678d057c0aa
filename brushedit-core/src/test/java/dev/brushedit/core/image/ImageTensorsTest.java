package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.TestResources;
import dev.brushedit.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against diffusers' VaeImageProcessor on committed vectors (see parity/README.md). */
class ImageTensorsTest {
    private static final JsonNode REF = TestResources.json("parity/image_tensor.json");

    private static RgbImage referenceImage() {
        int[] rgb = TestResources.ints(REF.get("rgb"));
        byte[] px = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            px[i] = (byte) rgb[i];
        }
        return RgbImage.of(REF.get("width").asInt(), REF.get("height").asInt(), px);
    }

    @Test
    void toTensorEqualsDiffusersPreprocessBitForBit() {
        Tensor t = ImageTensors.toTensor(referenceImage());

        assertThat(t.shape()).containsExactly(1, 3, 16, 16);
        float[] expected = TestResources.floatsFromBits(REF.get("preprocess_bits"));
        float[] got = t.toArray();
        for (int i = 0; i < got.length; i++) {
            assertThat(Float.floatToIntBits(got[i])).as("element %d", i).isEqualTo(Float.floatToIntBits(expected[i]));
        }
        assertThat(t.min()).isEqualTo(-1f);
        assertThat(t.max()).isEqualTo(1f);
    }

    @Test
    void toImageEqualsDiffusersPostprocessOnRoundingEdges() {
        int n = REF.get("post_count").asInt();
        Tensor t = Tensor.of(TestResources.floatsFromBits(REF.get("post_in_bits")), 1, 3, 1, n);
        int[] expected = TestResources.ints(REF.get("post_rgb"));

        RgbImage img = ImageTensors.toImage(t);

        assertThat(img.width()).isEqualTo(n);
        assertThat(img.height()).isEqualTo(1);
        int mismatches = 0;
        for (int x = 0; x < n; x++) {
            for (int c = 0; c < 3; c++) {
                if (img.channel(x, 0, c) != expected[x * 3 + c]) {
                    mismatches++;
                }
            }
        }
        assertThat(mismatches).isZero();
    }

    @Test
    void roundTripIsLosslessForEveryByteValue() {
        RgbImage img = referenceImage();
        assertThat(ImageTensors.toImage(ImageTensors.toTensor(img)).samePixels(img)).isTrue();
    }

    @Test
    void tiesRoundToEven() {
        // 0.5 * 255 = 127.5 exactly -> 128 (even); values give v*255 exactly k + 0.5 only when representable
        assertThat(ImageTensors.toByte(0f)).isEqualTo(128);
        assertThat(ImageTensors.toByte(-1f)).isZero();
        assertThat(ImageTensors.toByte(1f)).isEqualTo(255);
        assertThat(ImageTensors.toByte(-7f)).isZero();
        assertThat(ImageTensors.toByte(3f)).isEqualTo(255);
    }

    @Test
    void batchesConvertBothWays() {
        RgbImage a = RgbImage.filled(3, 2, 10, 20, 30);
        RgbImage b = RgbImage.filled(3, 2, 200, 100, 0);

        Tensor t = ImageTensors.toTensor(List.of(a, b));
        List<RgbImage> back = ImageTensors.toImages(t);

        assertThat(t.shape()).containsExactly(2, 3, 2, 3);
        assertThat(t.get(1, 0, 1, 2)).isEqualTo(2f * (200 / 255f) - 1f);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).samePixels(a)).isTrue();
        assertThat(back.get(1).samePixels(b)).isTrue();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ImageTensors.toTensor(List.of(RgbImage.filled(2, 2, 0, 0, 0), RgbImage.filled(3, 2, 0, 0, 0))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2x2").hasMessageContaining("3x2");
        assertThatThrownBy(() -> ImageTensors.toTensor(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageTensors.toTensor((RgbImage) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageTensors.toImages(Tensor.zeros(1, 4, 2, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[1, 4, 2, 2]");
        assertThatThrownBy(() -> ImageTensors.toImage(Tensor.zeros(2, 3, 2, 2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("[2, 3, 2, 2]");
        Tensor nan = Tensor.zeros(1, 3, 2, 2);
        nan.setFlat(5, Float.NaN);
        assertThatThrownBy(() -> ImageTensors.toImages(nan))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NaN").hasMessageContaining("index 5");
    }
}
