package dev.brushedit.bench;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Deterministic synthetic inputs for the blend benchmarks; tools/parity/zone_bench.py builds the
 * same arrays with numpy so that ZONE's Python code can be timed on identical data.
 */
final class BlendInputs {
    private BlendInputs() {}

    /** Original: {@code R = (7x + 3y) & 255, G = (x * y) >> 4 & 255, B = (x ^ y) & 255}. */
    static RgbImage original(int n) {
        return original(n, n);
    }

    /** The original of {@code w x h}, same formulas. */
    static RgbImage original(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                px[i] = (byte) (7 * x + 3 * y);
                px[i + 1] = (byte) ((x * y) >> 4);
                px[i + 2] = (byte) (x ^ y);
            }
        }
        return RgbImage.of(w, h, px);
    }

    /** Edited: the original with every channel inverted inside the object ellipse grown by 2%. */
    static RgbImage edited(int n) {
        return edited(n, n);
    }

    /** The edited image of {@code w x h}. */
    static RgbImage edited(int w, int h) {
        byte[] px = original(w, h).toRgbBytes();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (inEllipse(x, y, w, h, 1.02)) {
                    int i = 3 * (y * w + x);
                    px[i] = (byte) ~px[i];
                    px[i + 1] = (byte) ~px[i + 1];
                    px[i + 2] = (byte) ~px[i + 2];
                }
            }
        }
        return RgbImage.of(w, h, px);
    }

    /** Object mask: the ellipse centred at (n/2, n/2) with semi-axes n/4 and n/6. */
    static Mask mask(int n) {
        return mask(n, n);
    }

    /** Object mask of {@code w x h}: the ellipse centred at (w/2, h/2) with semi-axes w/4 and h/6. */
    static Mask mask(int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = inEllipse(x, y, w, h, 1.0) ? 1f : 0f;
            }
        }
        return Mask.of(w, h, v);
    }

    private static boolean inEllipse(int x, int y, int w, int h, double grow) {
        double dx = (x - w / 2) / (w / 4.0 * grow);
        double dy = (y - h / 2) / (h / 6.0 * grow);
        return dx * dx + dy * dy <= 1.0;
    }
}
