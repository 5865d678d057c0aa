package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RGBA PNG writing with {@link ImageFiles#writePng(RgbImage, Mask, Path)}. */
class ImageFilesAlphaTest {
    @TempDir
    Path dir;

    @Test
    void alphaAndColourRoundTripThroughTheFile() throws IOException {
        int w = 7;
        int h = 5;
        byte[] px = new byte[w * h * 3];
        float[] a = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            px[3 * i] = (byte) (i * 7);
            px[3 * i + 1] = (byte) (200 - i);
            px[3 * i + 2] = (byte) (i * 3);
            a[i] = i / (float) (w * h - 1);
        }
        RgbImage image = RgbImage.of(w, h, px);
        Path file = dir.resolve("cut.png");
        ImageFiles.writePng(image, Mask.of(w, h, a), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = back.getRGB(x, y);
                assertThat(argb >>> 24).isEqualTo(Math.round(255f * a[y * w + x]));
                assertThat(argb & 0xffffff).isEqualTo((argb >>> 24) > 0 ? image.rgb(x, y) : 0);
            }
        }
        RgbImage opaque = ImageFiles.read(file);
        assertThat(opaque.rgb(0, 0)).as("alpha 0 is written as transparent black").isZero();
        assertThat(opaque.rgb(3, 2)).as("readers drop alpha keeping the colour").isEqualTo(image.rgb(3, 2));
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void refusesJpegAndSizeMismatch() {
        RgbImage image = RgbImage.filled(4, 4, 1, 2, 3);
        assertThatThrownBy(() -> ImageFiles.writePng(image, Mask.full(4, 4), dir.resolve("x.jpg")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only PNG");
        assertThatThrownBy(() -> ImageFiles.writePng(image, Mask.full(5, 4), dir.resolve("x.png")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
