package dev.brushedit.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.segment.SegmentFixtures;
import org.junit.jupiter.api.Test;

class LetterboxTest {
    private static final float[] MEAN = {0.1f, 0.2f, 0.3f};
    private static final float[] STD = {0.5f, 0.25f, 2f};

    @Test
    void sizesAndPointsMatchSegmentAnythingsResizeLongestSide() {
        JsonNode sizes = SegmentFixtures.reference().get("sam").get("sizes");
        Letterbox box = new Letterbox(1024, MEAN, STD, Float.NaN, false);
        assertThat(sizes.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode s : sizes) {
            int h = s.get("h").asInt();
            int w = s.get("w").asInt();
            assertThat(box.scaledSize(h, w)).as("size of %dx%d", w, h).containsExactly(s.get("newH").asInt(), s.get("newW").asInt());
            JsonNode p = s.get("points");
            JsonNode m = s.get("mapped");
            for (int i = 0; i < 2; i++) {
                float[] mapped = box.toInput(p.get(2 * i).asDouble(), p.get(2 * i + 1).asDouble(), h, w);
                assertThat((double) mapped[0]).isCloseTo(m.get(2 * i).asDouble(), within(1e-4));
                assertThat((double) mapped[1]).isCloseTo(m.get(2 * i + 1).asDouble(), within(1e-4));
            }
        }
    }

    @Test
    void aSideRoundingToZeroKeepsOnePixel() {
        assertThat(new Letterbox(1024, MEAN, STD, Float.NaN, false).scaledSize(1, 5000)).containsExactly(1, 1024);
    }

    @Test
    void normalisesWithoutResizingWhenTheLongestSideFitsAndPadsBottomRight() {
        byte[] rgb = {0, (byte) 128, (byte) 255, 10, 20, 30};
        RgbImage image = RgbImage.of(1, 2, rgb);
        Tensor nanPad = new Letterbox(2, MEAN, STD, Float.NaN, false).apply(image);
        Tensor greyPad = new Letterbox(2, MEAN, STD, 0.5f, false).apply(image);
        assertThat(nanPad.shape()).containsExactly(1, 3, 2, 2);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                float expected = ((rgb[y * 3 + c] & 0xff) / 255f - MEAN[c]) / STD[c];
                assertThat(nanPad.get(0, c, y, 0)).isCloseTo(expected, within(1e-5f));
                assertThat(nanPad.get(0, c, y, 1)).isZero();
                assertThat(greyPad.get(0, c, y, 1)).isCloseTo((0.5f - MEAN[c]) / STD[c], within(1e-6f));
            }
        }
    }

    @Test
    void scalesTheLongestSideToTheTarget() {
        RgbImage image = RgbImage.filled(8, 4, 255, 0, 255);
        Tensor t = new Letterbox(4, MEAN, STD, Float.NaN, false).apply(image);
        assertThat(t.get(0, 0, 1, 3)).isCloseTo((1f - MEAN[0]) / STD[0], within(1e-5f));
        assertThat(t.get(0, 1, 1, 3)).isCloseTo(-MEAN[1] / STD[1], within(1e-5f));
        assertThat(t.get(0, 0, 2, 0)).isZero();
    }
}
