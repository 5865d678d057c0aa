package dev.brushedit.blend.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OKLab against Ottosson's published values, and colour names read from text. */
class OkLabAndColoursTest {

    @Test
    void publishedReferenceValues() {
        float[] white = OkLab.fromRgb(0xFFFFFF);
        assertThat(white[0]).isCloseTo(1f, within(1e-4f));
        assertThat(Math.hypot(white[1], white[2])).isLessThan(1e-4);
        float[] red = OkLab.fromRgb(0xFF0000);
        assertThat(red[0]).isCloseTo(0.62796f, within(1e-4f));
        assertThat(red[1]).isCloseTo(0.22486f, within(1e-4f));
        assertThat(red[2]).isCloseTo(0.12585f, within(1e-4f));
        float[] blue = OkLab.fromRgb(0x0000FF);
        assertThat(blue[0]).isCloseTo(0.45201f, within(1e-4f));
        assertThat(blue[2]).isCloseTo(-0.31153f, within(1e-4f));
    }

    @Test
    void everyEighthColourRoundTripsExactly() {
        for (int r = 0; r < 256; r += 8) {
            for (int g = 0; g < 256; g += 8) {
                for (int b = 0; b < 256; b += 8) {
                    int rgb = r << 16 | g << 8 | b;
                    float[] lab = OkLab.fromRgb(rgb);
                    assertThat(OkLab.toRgb(lab[0], lab[1], lab[2])).as("#%06x", rgb).isEqualTo(rgb);
                }
            }
        }
    }

    @Test
    void gamutMappingKeepsLightnessAndHue() {
        int rgb = OkLab.toRgbInGamut(0.8, 0.0, -0.4);
        float[] lab = OkLab.fromRgb(rgb);
        assertThat(lab[0]).isCloseTo(0.8f, within(0.01f));
        assertThat(Math.toDegrees(Math.atan2(lab[2], lab[1]))).isCloseTo(-90.0, within(3.0));
    }

    @Test
    void namesModifiersAndHexAreFound() {
        assertThat(NamedColours.find("make the car red")).contains(new NamedColours.Found("red", 0xFF0000));
        assertThat(NamedColours.find("paint the wall light green")).contains(new NamedColours.Found("light green", 0x90EE90));
        assertThat(NamedColours.find("Dark Grey door")).contains(new NamedColours.Found("dark grey", 0xA9A9A9));
        assertThat(NamedColours.find("a navy blue coat")).contains(new NamedColours.Found("navy blue", 0x000080));
        assertThat(NamedColours.find("a golden crown")).map(NamedColours.Found::phrase).contains("golden");
        assertThat(NamedColours.find("make it #3366CC please")).contains(new NamedColours.Found("#3366cc", 0x3366CC));
        assertThat(NamedColours.find("make it winter")).isEmpty();
        assertThat(NamedColours.find("reddish")).isEmpty();
    }

    @Test
    void modifiersMoveLightnessAndChromaInOkLab() {
        float[] blue = OkLab.fromRgb(0x0000FF);
        NamedColours.Found pale = NamedColours.find("pale blue").orElseThrow();
        NamedColours.Found deep = NamedColours.find("deep blue").orElseThrow();
        assertThat(pale.phrase()).isEqualTo("pale blue");
        float[] p = OkLab.fromRgb(pale.rgb());
        float[] d = OkLab.fromRgb(deep.rgb());
        assertThat(p[0]).isGreaterThan(blue[0] + 0.2f);
        assertThat(Math.hypot(p[1], p[2])).isLessThan(0.6 * Math.hypot(blue[1], blue[2]));
        assertThat(d[0]).isLessThan(blue[0]);
        Optional<Integer> lookup = NamedColours.lookup("LightSeaGreen");
        assertThat(lookup).contains(0x20B2AA);
    }
}
