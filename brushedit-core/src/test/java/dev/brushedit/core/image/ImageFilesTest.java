package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.TestResources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rocket.jpg", "camera.png"})
    void photographsDecodeLikePillow(String name) {
        JsonNode ref = TestResources.json("images/smoke.json").get("images").get(name);

        RgbImage img = ImageFiles.read(TestResources.path("images/" + name));

        assertThat(img.width()).isEqualTo(ref.get("width").asInt());
        assertThat(img.height()).isEqualTo(ref.get("height").asInt());
        double[] mean = new double[3];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += img.channel(x, y, c);
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            // PNG is lossless; the JDK JPEG decoder matched Pillow bit for bit on rocket.jpg (ICC profile kept raw)
            assertThat(mean[c] / img.pixelCount()).isCloseTo(ref.get("mean_rgb").get(c).asDouble(),
                    org.assertj.core.data.Offset.offset(name.endsWith(".png") ? 1e-9 : 0.05));
        }
    }

    @Test
    void readsFromStreamAndBytesAlike() throws IOException {
        byte[] bytes = TestResources.bytes("images/camera.png");
        RgbImage fromPath = ImageFiles.read(TestResources.path("images/camera.png"));
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            assertThat(ImageFiles.read(in).samePixels(fromPath)).isTrue();
        }
        assertThat(ImageFiles.read(bytes).samePixels(fromPath)).isTrue();
    }

    @Test
    void pngRoundTripIsExactAndJpegIsClose() throws IOException {
        RgbImage img = gradient(37, 23);
        Path png = dir.resolve("out.PNG");
        Path jpg = dir.resolve("out.jpeg");

        ImageFiles.write(img, png);
        ImageFiles.write(img, jpg, 1.0f);

        assertThat(ImageFiles.read(png).samePixels(img)).isTrue();
        RgbImage back = ImageFiles.read(jpg);
        assertThat(back.width()).isEqualTo(37);
        assertThat(maxDiff(back, img)).isLessThanOrEqualTo(12);
        assertThat(Files.readAllBytes(jpg)).startsWith((byte) 0xff, (byte) 0xd8);
    }

    @Test
    void otherJdkFormatsAreReadToo() throws IOException {
        RgbImage img = gradient(9, 7);
        for (String format : new String[] {"bmp", "gif"}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(javax.imageio.ImageIO.write(img.toBufferedImage(), format, out)).isTrue();
            RgbImage back = ImageFiles.read(out.toByteArray());
            assertThat(back.width()).isEqualTo(9);
            assertThat(back.height()).isEqualTo(7);
            if (format.equals("bmp")) {
                assertThat(back.samePixels(img)).isTrue();
            }
        }
    }

    @Test
    void jpegQualityChangesTheFileSize() {
        RgbImage img = gradient(64, 64);
        assertThat(ImageFiles.encode(img, ImageFormat.JPEG, 0.1f).length)
                .isLessThan(ImageFiles.encode(img, ImageFormat.JPEG, 1.0f).length);
        assertThat(ImageFiles.read(ImageFiles.encode(img, ImageFormat.PNG, 0.5f)).samePixels(img)).isTrue();
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("x.jpg");
        Files.writeString(target, "old");

        ImageFiles.write(RgbImage.filled(4, 4, 1, 2, 3), target);

        assertThat(ImageFiles.read(target).width()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.jpg");
        }
    }

    @Test
    void writtenFilesGetTheDefaultPermissionsOfANewFile() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        // a plain new file gets 0666 minus the umask; the image must get the same, not a temp file's 0600
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path png = dir.resolve("out.png");
        Path jpg = dir.resolve("out.jpg");
        Files.writeString(jpg, "an older file");

        ImageFiles.write(RgbImage.filled(4, 4, 1, 2, 3), png);
        ImageFiles.write(RgbImage.filled(4, 4, 1, 2, 3), jpg);

        var expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(jpg)).isEqualTo(expected);
    }

    @Test
    void writeRejectsBadTargetsAndOptions() {
        RgbImage img = RgbImage.filled(2, 2, 0, 0, 0);
        assertThatThrownBy(() -> ImageFiles.write(img, dir.resolve("out.gif")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("out.gif").hasMessageContaining(".png, .jpg or .jpeg");
        assertThatThrownBy(() -> ImageFiles.write(img, dir.resolve("noext")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageFiles.write(img, dir.resolve("missing/out.png")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImageFiles.write(img, dir.resolve("a.jpg"), 0f))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jpegQuality");
        assertThatThrownBy(() -> ImageFiles.write(null, dir.resolve("a.png"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageFiles.write(img, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unreadableFilesAreRejectedNamingTheFile() throws IOException {
        Path missing = dir.resolve("none.png");
        Path text = Files.writeString(dir.resolve("notes.png"), "hello, not an image");
        Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        byte[] png = TestResources.bytes("images/camera.png");
        Path truncatedPng = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        byte[] jpg = TestResources.bytes("images/rocket.jpg");
        Path truncatedJpg = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length / 2));

        assertThatThrownBy(() -> ImageFiles.read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImageFiles.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> ImageFiles.read(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not a PNG, JPEG");
        assertThatThrownBy(() -> ImageFiles.read(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ImageFiles.read(truncatedPng)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(truncatedPng.toString());
        assertThatThrownBy(() -> ImageFiles.read(truncatedJpg)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(truncatedJpg.toString()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ImageFiles.read((Path) null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ImageFiles.read((byte[]) null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pixelBudgetIsCheckedFromTheHeaderBeforeDecoding() {
        // a PNG header claiming 100000x100000 RGBA pixels with no pixel data: decoding would need 40 GB
        byte[] huge = pngHeaderOnly(100_000, 100_000);

        assertThatThrownBy(() -> ImageFiles.read(huge)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("100000x100000 = 10000000000 pixels exceeds the pixel budget of "
                        + InputLimits.defaults().maxPixels());
        InputLimits tiny = InputLimits.builder().maxPixels(1000).build();
        assertThatThrownBy(() -> ImageFiles.read(TestResources.path("images/camera.png"), tiny))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("camera.png of 512x512 = 262144 pixels exceeds the pixel budget of 1000");
        assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(new byte[2_000_000]), tiny))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("more than");
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer out = ByteBuffer.allocate(8 + 12 + 13 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.array();
    }

    private static void chunk(ByteBuffer out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.putInt(data.length).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data)
                .putInt((int) crc.getValue());
    }

    static RgbImage gradient(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) (x * 255 / (w - 1));
                px[i + 1] = (byte) (y * 255 / (h - 1));
                px[i + 2] = (byte) 128;
            }
        }
        return RgbImage.of(w, h, px);
    }

    private static int maxDiff(RgbImage a, RgbImage b) {
        byte[] pa = a.toRgbBytes();
        byte[] pb = b.toRgbBytes();
        int m = 0;
        for (int i = 0; i < pa.length; i++) {
            m = Math.max(m, Math.abs((pa[i] & 0xff) - (pb[i] & 0xff)));
        }
        return m;
    }
}
