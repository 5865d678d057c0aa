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
        byte[] px = new byte[n * n * 3];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = 3 * (y * n + x);
                px[i] = (byte) (7 * x + 3 * y);
                px[i + 1] = (byte) ((x * y) >> 4);
                px[i + 2] = (byte) (x ^ y);
            }
        }
        return RgbImage.of(n, n, px);
    }

    /** Edited: the original with every channel inverted inside the object ellipse grown by 2%. */
    static RgbImage edited(int n) {
        byte[] px = original(n).toRgbBytes();
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (inEllipse(x, y, n, 1.02)) {
                    int i = 3 * (y * n + x);
                    px[i] = (byte) ~px[i];
                    px[i + 1] = (byte) ~px[i + 1];
                    px[i + 2] = (byte) ~px[i + 2];
                }
            }
        }
        return RgbImage.of(n, n, px);
    }

    /** Object mask: the ellipse centred at (n/2, n/2) with semi-axes n/4 and n/6. */
    static Mask mask(int n) {
        float[] v = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                v[y * n + x] = inEllipse(x, y, n, 1.0) ? 1f : 0f;
            }
        }
        return Mask.of(n, n, v);
    }

    private static boolean inEllipse(int x, int y, int n, double grow) {
        double dx = (x - n / 2) / (n / 4.0 * grow);
        double dy = (y - n / 2) / (n / 6.0 * grow);
        return dx * dx + dy * dy <= 1.0;
    }
}
