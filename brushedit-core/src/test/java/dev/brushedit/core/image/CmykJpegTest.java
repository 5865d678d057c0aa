package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.TestResources;
import org.junit.jupiter.api.Test;

/**
 * An Adobe CMYK JPEG (made by Pillow, see images/README.md) decodes to the RGB Pillow gives for
 * it: {@code Image.open(f).convert("RGB")}, stored as cmyk-pillow.png.
 */
class CmykJpegTest {

    @Test
    void adobeCmykJpegDecodesLikePillow() {
        RgbImage expected = ImageFiles.read(TestResources.path("images/cmyk-pillow.png"));
        RgbImage decoded = ImageFiles.read(TestResources.path("images/cmyk.jpg"));

        assertThat(decoded.width()).isEqualTo(48);
        assertThat(decoded.height()).isEqualTo(32);
        int max = 0;
        double sum = 0;
        double signed = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                for (int c = 0; c < 3; c++) {
                    int d = decoded.channel(x, y, c) - expected.channel(x, y, c);
                    max = Math.max(max, Math.abs(d));
                    sum += Math.abs(d);
                    signed += d;
                }
            }
        }
        int n = 48 * 32 * 3;
        // measured: bit-exact (the JDK decoded it 68 levels too light on average, 74 at most, before);
        // one level of slack for another libjpeg build's inverse DCT rounding
        assertThat(max).as("max |difference|").isLessThanOrEqualTo(1);
        assertThat(sum / n).as("mean |difference|").isLessThan(0.1);
        assertThat(Math.abs(signed / n)).as("mean signed difference").isLessThan(0.05);
    }

    @Test
    void ycckJpegIsRefusedClearly() {
        byte[] file = TestResources.bytes("images/cmyk.jpg");
        int adobe = ExifOrientationTest.indexOf(file, "Adobe".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(adobe).isPositive();
        assertThat(file[adobe + 11]).isEqualTo((byte) 0);
        file[adobe + 11] = 2; // the Adobe APP14 transform flag: 2 = YCCK

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOf(dev.brushedit.core.InvalidInputException.class)
                .hasMessageContaining("YCCK").hasMessageContaining("not supported");
    }
}
