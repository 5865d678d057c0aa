package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.TestResources;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Pixel formats to RGB, on PNG fixtures written by Pillow and OpenCV (see images/README.md). */
class PixelConversionTest {
    private static final JsonNode REF = TestResources.json("images/pixel_formats.json");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"px-gray8.png", "px-gray16.png", "px-gray-alpha8.png", "px-rgba8.png",
        "px-rgb16.png", "px-rgba16.png", "px-palette.png"})
    void fixtureDecodesToTheDocumentedRgb(String name) {
        int[] expected = TestResources.ints(REF.get("expected_rgb").get(name));

        RgbImage img = ImageFiles.read(TestResources.path("images/" + name));

        assertThat(img.width()).isEqualTo(REF.get("width").asInt());
        assertThat(img.height()).isEqualTo(REF.get("height").asInt());
        byte[] px = img.toRgbBytes();
        int[] got = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            got[i] = px[i] & 0xff;
        }
        assertThat(got).containsExactly(expected);
    }

    @Test
    void sixteenBitRuleIsRoundOfVOver257() {
        assertThat(PixelConversion.to8Bit(0, 65535)).isZero();
        assertThat(PixelConversion.to8Bit(128, 65535)).isZero();
        assertThat(PixelConversion.to8Bit(129, 65535)).isEqualTo(1);
        assertThat(PixelConversion.to8Bit(32896, 65535)).isEqualTo(128);
        assertThat(PixelConversion.to8Bit(65535, 65535)).isEqualTo(255);
        assertThat(PixelConversion.to8Bit(200, 255)).isEqualTo(200);
        assertThat(PixelConversion.to8Bit(1, 3)).isEqualTo(85);
        for (int v = 0; v <= 65535; v++) {
            assertThat(PixelConversion.to8Bit(v, 65535)).isEqualTo((int) Math.round(v / 257.0));
        }
    }

    @Test
    void grayIsNotGammaBrightenedAndAlphaKeepsStoredColour() {
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 100);
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00_12_34_56); // fully transparent, colour kept
        byte[] palette = {0, (byte) 200};
        BufferedImage indexed = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, palette, new byte[] {0, 10}, new byte[] {0, 20}));
        indexed.getRaster().setSample(0, 0, 0, 1);

        assertThat(RgbImage.fromBufferedImage(gray).rgb(0, 0)).isEqualTo(0x646464);
        assertThat(RgbImage.fromBufferedImage(argb).rgb(0, 0)).isEqualTo(0x123456);
        assertThat(RgbImage.fromBufferedImage(indexed).rgb(0, 0)).isEqualTo(0xc80a14);
    }
}
