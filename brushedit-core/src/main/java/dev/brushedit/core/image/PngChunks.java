package dev.brushedit.core.image;

import java.io.ByteArrayOutputStream;

/**
 * Strips a PNG down to the chunks that define its pixels before it reaches ImageIO: the critical
 * chunks (IHDR, PLTE, IDAT, IEND and any other chunk whose type starts with an upper-case letter)
 * and {@code tRNS}. Ancillary chunks such as {@code zTXt}, {@code iTXt} and {@code iCCP} hold
 * compressed data the JDK's PNG reader would inflate without a size limit (a chunk of a megabyte
 * can inflate to gigabytes); none of them changes the decoded RGB samples. The EXIF orientation is
 * read separately from the original bytes ({@link ExifOrientation}).
 *
 * <p>Malformed chunk structure is left for the decoder to report: the bytes from the first chunk
 * that cannot be walked are kept as they are.
 *
 * <p>Thread-safety: stateless.
 */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngChunks() {}

    /** Whether {@code b} starts with the PNG signature. */
    static boolean isPng(byte[] b) {
        if (b.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code png} without its ancillary chunks other than tRNS; {@code png} itself when it has none. */
    static byte[] pixelChunksOnly(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE.length);
        int p = SIGNATURE.length;
        boolean dropped = false;
        while (p + 12 <= png.length) {
            long length = ((png[p] & 0xffL) << 24) | ((png[p + 1] & 0xff) << 16) | ((png[p + 2] & 0xff) << 8)
                    | (png[p + 3] & 0xff);
            long end = p + 12 + length;
            if (end > png.length) {
                break;
            }
            boolean critical = (png[p + 4] & 0x20) == 0;
            boolean trns = png[p + 4] == 't' && png[p + 5] == 'R' && png[p + 6] == 'N' && png[p + 7] == 'S';
            if (critical || trns) {
                out.write(png, p, (int) (end - p));
            } else {
                dropped = true;
            }
            boolean iend = png[p + 4] == 'I' && png[p + 5] == 'E' && png[p + 6] == 'N' && png[p + 7] == 'D';
            p = (int) end;
            if (iend) {
                return dropped ? out.toByteArray() : png;
            }
        }
        if (!dropped) {
            return png;
        }
        out.write(png, p, png.length - p);
        return out.toByteArray();
    }
}
