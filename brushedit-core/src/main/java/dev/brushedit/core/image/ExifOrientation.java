package dev.brushedit.core.image;

/**
 * Reads the EXIF Orientation tag (0x0112) from JPEG APP1 segments and PNG eXIf chunks, and turns
 * a stored image upright by the tag's rule (the same transforms as {@code PIL.ImageOps.exif_transpose}).
 * Malformed or missing EXIF data means orientation 1: metadata never prevents reading the pixels.
 *
 * <p>Thread-safety: stateless.
 */
final class ExifOrientation {
    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {}

    /** The orientation (1..8) stored in an encoded JPEG or PNG file, or 1 when there is none. */
    static int read(byte[] file) {
        if (JpegSegments.isJpeg(file)) {
            return fromJpeg(file);
        }
        if (PngChunks.isPng(file)) {
            return fromPng(file);
        }
        return NORMAL;
    }

    private static int fromJpeg(byte[] b) {
        int[] orientation = {NORMAL};
        JpegSegments.walk(b, (marker, data, end) -> {
            if (marker == 0xe1 && startsWith(b, data, EXIF_HEADER)) {
                orientation[0] = fromTiff(b, data + EXIF_HEADER.length, end);
                return false;
            }
            return true;
        });
        return orientation[0];
    }

    private static int fromPng(byte[] b) {
        int p = 8; // after the signature
        while (p + 12 <= b.length) {
            long length = u32(b, p, false);
            int data = p + 8;
            if (length > b.length - data - 4) {
                return NORMAL;
            }
            int end = data + (int) length;
            if (b[p + 4] == 'e' && b[p + 5] == 'X' && b[p + 6] == 'I' && b[p + 7] == 'f') {
                int tiff = startsWith(b, data, EXIF_HEADER) ? data + EXIF_HEADER.length : data;
                return fromTiff(b, tiff, end);
            }
            if (b[p + 4] == 'I' && b[p + 5] == 'E' && b[p + 6] == 'N' && b[p + 7] == 'D') {
                return NORMAL;
            }
            p = end + 4; // skip the CRC
        }
        return NORMAL;
    }

    /** The orientation in the first IFD of a TIFF structure occupying {@code b[start, end)}. */
    private static int fromTiff(byte[] b, int start, int end) {
        if (end - start < 8) {
            return NORMAL;
        }
        boolean little;
        if (b[start] == 'I' && b[start + 1] == 'I') {
            little = true;
        } else if (b[start] == 'M' && b[start + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(b, start + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2) {
            return NORMAL;
        }
        int p = start + (int) ifd;
        int count = u16(b, p, little);
        p += 2;
        for (int i = 0; i < count && p + 12 <= end; i++, p += 12) {
            if (u16(b, p, little) != TAG_ORIENTATION) {
                continue;
            }
            int type = u16(b, p + 2, little);
            long n = u32(b, p + 4, little);
            long value;
            if (type == TYPE_SHORT && n >= 1) {
                value = u16(b, p + 8, little);
            } else if (type == TYPE_LONG && n >= 1) {
                value = u32(b, p + 8, little);
            } else {
                return NORMAL;
            }
            return value >= 1 && value <= 8 ? (int) value : NORMAL;
        }
        return NORMAL;
    }

    /**
     * The image as it should be displayed for {@code orientation} (1..8): 2 mirrors left-right,
     * 3 rotates 180 degrees, 4 mirrors top-bottom, 5 transposes, 6 rotates 90 degrees clockwise,
     * 7 transverses, 8 rotates 90 degrees counter-clockwise. Orientation 1 returns the image itself.
     */
    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        byte[] src = image.data();
        byte[] out = new byte[src.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                int s = (sy * w + sx) * 3;
                int d = (y * ow + x) * 3;
                out[d] = src[s];
                out[d + 1] = src[s + 1];
                out[d + 2] = src[s + 2];
            }
        }
        return RgbImage.adopt(ow, oh, out);
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        return JpegSegments.startsWith(b, offset, prefix);
    }

    private static int u16(byte[] b, int p, boolean little) {
        int b0 = b[p] & 0xff;
        int b1 = b[p + 1] & 0xff;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int p, boolean little) {
        long hi = u16(b, p, little);
        long lo = u16(b, p + 2, little);
        return little ? hi | lo << 16 : hi << 16 | lo;
    }
}
