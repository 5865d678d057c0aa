package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.TestResources;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXIF orientation on fixtures made with Pillow (see images/README.md): each file stores the upright
 * 24x16 test card transformed so that {@code PIL.ImageOps.exif_transpose} shows it upright again.
 */
class ExifOrientationTest {
    /** The test card: 3x2 blocks of 8x8 pixels in these colours, row by row. */
    static final int[][] CARD = {
        {230, 30, 30}, {30, 200, 40}, {40, 50, 220}, {240, 220, 30}, {200, 40, 200}, {30, 210, 220}};

    static void assertUprightCard(RgbImage img, int tolerance) {
        assertThat(img.width()).isEqualTo(24);
        assertThat(img.height()).isEqualTo(16);
        for (int i = 0; i < CARD.length; i++) {
            int x = (i % 3) * 8 + 4;
            int y = (i / 3) * 8 + 4;
            for (int c = 0; c < 3; c++) {
                assertThat(img.channel(x, y, c)).as("block %d channel %d", i, c).isCloseTo(CARD[i][c],
                        org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyJpegOrientationIsReadUpright(int orientation) {
        byte[] file = TestResources.bytes("images/exif-" + orientation + ".jpg");

        assertThat(ExifOrientation.read(file)).isEqualTo(orientation);
        assertUprightCard(ImageFiles.read(file), 10);
    }

    @ParameterizedTest(name = "png orientation {0}")
    @ValueSource(ints = {6, 8})
    void pngExifChunkIsApplied(int orientation) {
        byte[] file = TestResources.bytes("images/exif-" + orientation + ".png");

        assertThat(ExifOrientation.read(file)).isEqualTo(orientation);
        assertUprightCard(ImageFiles.read(file), 0);
    }

    @Test
    void littleEndianExifWithSeveralEntriesIsParsed() {
        byte[] file = TestResources.bytes("images/exif-6-littleendian.jpg");

        assertThat(ExifOrientation.read(file)).isEqualTo(6);
        assertUprightCard(ImageFiles.read(file), 10);
    }

    @Test
    void missingOrMalformedExifMeansNormal() {
        byte[] jpeg = TestResources.bytes("images/exif-6.jpg");
        assertThat(ExifOrientation.read(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xff, (byte) 0xd8})).isEqualTo(1);
        assertThat(ExifOrientation.read(TestResources.bytes("images/px-gray8.png"))).isEqualTo(1);
        // every truncation of a file with EXIF either still finds it or reports 1, never throws
        for (int n = 0; n < 64; n++) {
            int o = ExifOrientation.read(Arrays.copyOf(jpeg, n));
            assertThat(o).isIn(1, 6);
        }
        // a corrupted IFD offset
        byte[] broken = jpeg.clone();
        int tiff = indexOf(broken, new byte[] {'M', 'M', 0, 42});
        broken[tiff + 4] = 0x7f;
        assertThat(ExifOrientation.read(broken)).isEqualTo(1);
        // an out-of-range orientation value
        byte[] bad = jpeg.clone();
        int entry = indexOf(bad, new byte[] {0x01, 0x12, 0x00, 0x03});
        bad[entry + 9] = 9;
        assertThat(ExifOrientation.read(bad)).isEqualTo(1);
    }

    @Test
    void transformsMoveThePixelsTheDocumentedWay() {
        // 2x1 image: left red, right blue
        RgbImage img = RgbImage.of(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255});
        RgbImage cw = ExifOrientation.apply(img, 6);
        RgbImage ccw = ExifOrientation.apply(img, 8);

        assertThat(ExifOrientation.apply(img, 1)).isSameAs(img);
        assertThat(ExifOrientation.apply(img, 2).rgb(0, 0)).isEqualTo(0x0000ff);
        assertThat(cw.width()).isEqualTo(1);
        assertThat(cw.rgb(0, 0)).isEqualTo(0xff0000); // rotating clockwise puts the left pixel on top
        assertThat(ccw.rgb(0, 0)).isEqualTo(0x0000ff);
    }

    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
