package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** REFERENCE mode against outputs of ZONE's own code (see src/test/resources/zone/README.md). */
class ZoneParityTest {
    static List<String> cases() {
        List<String> names = new ArrayList<>();
        for (JsonNode c : Fixtures.vectors().get("smoother")) {
            names.add(c.get("name").asText());
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void referenceModeReproducesZonePixelForPixel(String name) {
        JsonNode meta = null;
        for (JsonNode c : Fixtures.vectors().get("smoother")) {
            if (c.get("name").asText().equals(name)) {
                meta = c;
            }
        }
        RgbImage original = Fixtures.image(name + "_original.png");
        RgbImage edited = Fixtures.image(name + "_edited.png");
        Mask mask = Fixtures.mask(name + "_mask.png");
        FftEdgeSmoother smoother = FftEdgeSmoother.builder()
                .mode(ZoneMode.REFERENCE)
                .threshold(meta.get("threshold").asInt())
                .allowGpu(false)
                .build();

        SmoothedEdit out = smoother.smooth(original, edited, mask);

        Mask expectedMask = Fixtures.mask(name + "_expected_mask.png");
        assertThat(expectedMask.area()).isEqualTo(meta.get("smoothedPixels").asLong());
        assertThat(Fixtures.diff(out.mask(), expectedMask)).as("mask pixels differing").isZero();
        assertThat(Fixtures.diff(out.image(), Fixtures.image(name + "_expected_composite.png")))
                .as("composite bytes differing").isZero();
    }
}
