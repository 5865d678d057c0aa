package dev.brushedit.blend.retouch;

/** Per-pixel helpers on interleaved 8-bit RGB. */
final class Pixels {
    private Pixels() {}

    /** Moves pixel {@code i} of {@code px} the share {@code w} (0 to 1) of the way to the packed colour {@code rgb}. */
    static void blend(byte[] px, int i, int rgb, float w) {
        for (int c = 0; c < 3; c++) {
            int orig = px[3 * i + c] & 0xff;
            int now = (rgb >> (16 - 8 * c)) & 0xff;
            px[3 * i + c] = (byte) Math.round(orig + w * (now - orig));
        }
    }
}
