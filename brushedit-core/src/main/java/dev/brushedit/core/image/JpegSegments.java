package dev.brushedit.core.image;

/**
 * Walks the marker segments of a JPEG file up to its first scan: the EXIF orientation
 * ({@link ExifOrientation}), the number of colour components and the Adobe APP14 colour transform
 * are read from them. Malformed structure ends the walk quietly; the decoder reports it.
 *
 * <p>Thread-safety: stateless.
 */
final class JpegSegments {
    /** The Adobe transform value of an APP14 segment with the transform 2 (YCCK for 4 components). */
    static final int ADOBE_YCCK = 2;
    private static final byte[] ADOBE = {'A', 'd', 'o', 'b', 'e'};

    /**
     * Sees one segment: its marker (the byte after 0xFF), the offset of its data (after the length)
     * and the offset just past its end; returns false to stop the walk.
     */
    @FunctionalInterface
    interface Visitor {
        boolean segment(int marker, int data, int end);
    }

    private JpegSegments() {}

    /** Whether {@code b} starts with a JPEG SOI marker. */
    static boolean isJpeg(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
    }

    /** Calls {@code visitor} for each segment with a length, from the start of the file to the first scan. */
    static void walk(byte[] b, Visitor visitor) {
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xff) != 0xff) {
                return;
            }
            int marker = b[p + 1] & 0xff;
            if (marker == 0xff) {
                p++; // fill byte
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                p += 2; // markers without a length
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                return; // start of scan or end of image
            }
            int length = (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
            int end = p + 2 + length;
            if (length < 2 || end > b.length || !visitor.segment(marker, p + 4, end)) {
                return;
            }
            p = end;
        }
    }

    /** The number of colour components in the frame header (SOFn), or 0 when there is none. */
    static int components(byte[] b) {
        int[] n = {0};
        walk(b, (marker, data, end) -> {
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof && data + 6 <= end) {
                n[0] = b[data + 5] & 0xff;
                return false;
            }
            return true;
        });
        return n[0];
    }

    /** The colour transform of the Adobe APP14 segment (0 none, 1 YCbCr, 2 YCCK), or -1 when there is none. */
    static int adobeTransform(byte[] b) {
        int[] t = {-1};
        walk(b, (marker, data, end) -> {
            if (marker == 0xee && end - data >= 12 && startsWith(b, data, ADOBE)) {
                t[0] = b[data + 11] & 0xff;
                return false;
            }
            return true;
        });
        return t[0];
    }

    static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
