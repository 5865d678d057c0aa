package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RgbImageTest {

    @Test
    void pixelsAreReadAsStored() {
        RgbImage img = RgbImage.of(2, 1, new byte[] {1, 2, 3, (byte) 250, (byte) 128, 0});

        assertThat(img.width()).isEqualTo(2);
        assertThat(img.height()).isEqualTo(1);
        assertThat(img.pixelCount()).isEqualTo(2);
        assertThat(img.channel(1, 0, 0)).isEqualTo(250);
        assertThat(img.rgb(0, 0)).isEqualTo(0x010203);
        assertThat(img.rgb(1, 0)).isEqualTo(0xfa8000);
        assertThat(img.toString()).isEqualTo("RgbImage[2x1]");
    }

    @Test
    void isImmutable() {
        byte[] px = {1, 2, 3};
        RgbImage img = RgbImage.of(1, 1, px);
        px[0] = 9;
        img.toRgbBytes()[1] = 9;

        assertThat(img.rgb(0, 0)).isEqualTo(0x010203);
    }

    @Test
    void bufferedImageRoundTrip() {
        RgbImage img = ImageFilesTest.gradient(5, 4);
        BufferedImage bi = img.toBufferedImage();

        assertThat(bi.getRGB(4, 3) & 0xffffff).isEqualTo(img.rgb(4, 3));
        assertThat(RgbImage.fromBufferedImage(bi).samePixels(img)).isTrue();
    }

    @Test
    void cropAndCompare() {
        RgbImage img = ImageFilesTest.gradient(6, 5);
        RgbImage crop = img.crop(new Box(1, 2, 4, 5));

        assertThat(crop.width()).isEqualTo(3);
        assertThat(crop.height()).isEqualTo(3);
        assertThat(crop.rgb(0, 0)).isEqualTo(img.rgb(1, 2));
        assertThat(crop.rgb(2, 2)).isEqualTo(img.rgb(3, 4));
        assertThat(img.samePixels(ImageFilesTest.gradient(6, 5))).isTrue();
        assertThat(img.samePixels(crop)).isFalse();
        assertThat(img.samePixels(null)).isFalse();
        assertThat(RgbImage.filled(2, 2, 7, 8, 9).rgb(1, 1)).isEqualTo(0x070809);
    }

    @Test
    void badInputIsRejected() {
        RgbImage img = RgbImage.filled(3, 2, 0, 0, 0);

        assertThatThrownBy(() -> RgbImage.of(0, 5, new byte[0]))
                .isInstanceOf(InvalidInputException.class).hasMessage("image must be at least 1x1 pixels, was 0x5");
        assertThatThrownBy(() -> RgbImage.of(2, 2, new byte[11])).hasMessageContaining("12").hasMessageContaining("11");
        assertThatThrownBy(() -> RgbImage.of(2, 2, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RgbImage.filled(50_000, 50_000, 0, 0, 0)).hasMessageContaining("too large");
        assertThatThrownBy(() -> img.channel(3, 0, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("(3, 0)");
        assertThatThrownBy(() -> img.channel(0, 0, 3)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> img.rgb(0, -1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> img.crop(new Box(1, 1, 4, 2))).hasMessageContaining("3x2");
        assertThatThrownBy(() -> img.crop(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RgbImage.fromBufferedImage(null)).isInstanceOf(InvalidInputException.class);
    }
}
