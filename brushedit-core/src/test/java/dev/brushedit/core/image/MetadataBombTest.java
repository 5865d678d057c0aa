package dev.brushedit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small PNGs whose compressed text chunks (zTXt, compressed iTXt) inflate to gigabytes: reading
 * them must neither run out of memory nor spend time inflating the text, and the pixels (and the
 * EXIF orientation) must come out as without the chunk.
 */
@Timeout(30)
class MetadataBombTest {
    /** Inflated size of each text chunk: 1.5 GiB of zeros, about 1.5 MB compressed. */
    private static final long BOMB_BYTES = 1536L << 20;
    private static final byte[] PALETTE = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 9, 9, 9};

    @TempDir
    Path dir;

    @Test
    void paletteImageWithAZtxtBombDecodesItsPixels() throws Exception {
        byte[] text = concat(ascii("Comment"), new byte[] {0, 0}, zlibZeros(BOMB_BYTES));
        byte[] png = png(3, 2, 3, PALETTE, paletteRows(), "zTXt", text, null);
        assertThat(png.length).isLessThan(2_000_000);

        Path file = Files.write(dir.resolve("bomb.png"), png);
        RgbImage img = ImageFiles.read(file);

        assertThat(img.width()).isEqualTo(3);
        assertThat(img.rgb(0, 0)).isEqualTo(0xff0000);
        assertThat(img.rgb(1, 0)).isEqualTo(0x00ff00);
        assertThat(img.rgb(2, 1)).isEqualTo(0x090909);
    }

    @Test
    void rgbImageWithACompressedItxtBombKeepsItsExifOrientation() {
        // keyword, NUL, compression flag 1, method 0, empty language tag and translated keyword
        byte[] text = concat(ascii("XML:com.adobe.xmp"), new byte[] {0, 1, 0, 0, 0}, zlibZeros(BOMB_BYTES));
        byte[] rows = {0, (byte) 200, 10, 20, 30, 40, 50, 60, 70, 80,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        byte[] png = png(3, 2, 2, null, rows, "iTXt", text, exifOrientation(6));

        RgbImage img = ImageFiles.read(png);

        // orientation 6 rotates 90 degrees clockwise: 3x2 stored becomes 2x3 shown
        assertThat(img.width()).isEqualTo(2);
        assertThat(img.height()).isEqualTo(3);
        assertThat(img.rgb(1, 0)).isEqualTo(200 << 16 | 10 << 8 | 20);
        assertThat(img.rgb(0, 2)).isEqualTo(7 << 16 | 8 << 8 | 9);
    }

    @Test
    void aBrokenCriticalChunkAfterTheBombIsStillABadInput() {
        byte[] text = concat(ascii("Comment"), new byte[] {0, 0}, zlibZeros(BOMB_BYTES));
        byte[] png = png(3, 2, 3, PALETTE, paletteRows(), "zTXt", text, null);
        byte[] cut = java.util.Arrays.copyOf(png, png.length - 40);

        assertThatThrownBy(() -> ImageFiles.read(cut)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image bytes");
    }

    private static byte[] paletteRows() {
        return new byte[] {0, 0, 1, 2, 0, 2, 1, 3};
    }

    /**
     * A zlib stream of {@code n} zero bytes built without deflating them all: one mebibyte is
     * deflated with a full flush (so the block does not depend on what came before) and the block
     * is repeated, then an empty final block and the Adler-32 of n zeros (a = 1, b = n mod 65521).
     */
    static byte[] zlibZeros(long n) {
        int unit = 1 << 20;
        if (n % unit != 0) {
            throw new IllegalArgumentException("n must be a multiple of 1 MiB");
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[unit]);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int got;
        while ((got = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) {
            block.write(buf, 0, got);
        }
        deflater.end();
        byte[] one = block.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (one.length * (n / unit) + 16));
        out.write(0x78);
        out.write(0xda);
        for (long i = 0; i < n / unit; i++) {
            out.write(one, 0, one.length);
        }
        out.writeBytes(new byte[] {1, 0, 0, (byte) 0xff, (byte) 0xff});
        long adler = (n % 65521) << 16 | 1;
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) adler).array());
        return out.toByteArray();
    }

    /** An 8-bit PNG of the given colour type with one extra chunk before IDAT and an optional eXIf chunk. */
    static byte[] png(int w, int h, int colourType, byte[] palette, byte[] rows, String extraType, byte[] extra,
            byte[] exif) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        if (exif != null) {
            chunk(out, "eXIf", exif);
        }
        if (palette != null) {
            chunk(out, "PLTE", palette);
        }
        chunk(out, extraType, extra);
        Deflater d = new Deflater();
        d.setInput(rows);
        d.finish();
        byte[] buf = new byte[1024];
        int len = d.deflate(buf);
        d.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, len));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A big-endian TIFF structure with one IFD entry: Orientation (SHORT) = {@code value}. */
    private static byte[] exifOrientation(int value) {
        return ByteBuffer.allocate(26).put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0)
                .putInt(0).array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = ascii(type);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
