package dev.brushedit.server;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/** Small synthetic pictures for the server tests: a striped background with a coloured square. */
final class TestImages {
    private TestImages() {}

    /** A {@code size} square picture, green stripes, with a square of {@code rgb} over {@code box}. */
    static RgbImage withSquare(int size, Box box, int rgb) {
        byte[] px = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = (y * size + x) * 3;
                boolean inside = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
                int c = inside ? rgb : ((x + y) / 4 % 2 == 0 ? 0x2E8B57 : 0x98FB98);
                px[i] = (byte) (c >> 16);
                px[i + 1] = (byte) (c >> 8);
                px[i + 2] = (byte) c;
            }
        }
        return RgbImage.of(size, size, px);
    }

    /** Pixels in {@code box} within {@code tolerance} of {@code rgb} on every channel. */
    static int countNear(RgbImage image, Box box, int rgb, int tolerance) {
        int n = 0;
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                int p = image.rgb(x, y);
                if (Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) <= tolerance && Math.abs((p >> 8 & 255) - (rgb >> 8 & 255)) <= tolerance
                        && Math.abs((p & 255) - (rgb & 255)) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The mask of {@code box} grown by {@code margin} pixels. */
    static Mask maskOf(int size, Box box, int margin) {
        return Mask.ofBox(size, size, box.expand(margin).clampTo(size, size));
    }
}
