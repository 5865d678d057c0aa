package dev.brushedit.blend.retouch;

/**
 * A Gaussian approximated by three box blurs per axis (running sums), so the cost per pixel does
 * not grow with sigma; edges repeat the border pixel.
 */
final class BoxBlur {
    private BoxBlur() {}

    /** The radii of three boxes whose sum approximates a Gaussian of {@code sigma}. */
    static int[] radii(double sigma) {
        double ideal = Math.sqrt(12 * sigma * sigma / 3 + 1);
        int lower = (int) Math.floor(ideal);
        if (lower % 2 == 0) {
            lower--;
        }
        int upper = lower + 2;
        double m = Math.round((12 * sigma * sigma - 3.0 * lower * lower - 4 * 3.0 * lower - 3 * 3.0)
                / (-4.0 * lower - 4));
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) {
            r[i] = ((i < m ? lower : upper) - 1) / 2;
        }
        return r;
    }

    /** {@code plane} ({@code w x h}, row-major) blurred in place with a Gaussian of {@code sigma}. */
    static void blur(float[] plane, int w, int h, double sigma) {
        float[] tmp = new float[Math.max(w, h)];
        for (int r : radii(sigma)) {
            if (r <= 0) {
                continue;
            }
            for (int y = 0; y < h; y++) {
                pass(plane, y * w, 1, w, r, tmp);
            }
            for (int x = 0; x < w; x++) {
                pass(plane, x, w, h, r, tmp);
            }
        }
    }

    /** One box pass of radius {@code r} over {@code len} values starting at {@code start}, {@code stride} apart. */
    private static void pass(float[] v, int start, int stride, int len, int r, float[] tmp) {
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            sum += v[start + clamp(t, len) * stride];
        }
        float inv = 1f / (2 * r + 1);
        for (int i = 0; i < len; i++) {
            tmp[i] = (float) (sum * inv);
            sum += v[start + clamp(i + r + 1, len) * stride] - v[start + clamp(i - r, len) * stride];
        }
        for (int i = 0; i < len; i++) {
            v[start + i * stride] = tmp[i];
        }
    }

    private static int clamp(int i, int len) {
        return i < 0 ? 0 : i >= len ? len - 1 : i;
    }
}
