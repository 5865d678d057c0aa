package dev.brushedit.examples.eval;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Object-shaped synthetic hole masks for inpainting evaluation, each covering about a tenth of the
 * image: a smooth blob (star-shaped, a few Fourier harmonics of the radius), a random star-shaped
 * polygon, an upright figure (a body ellipse under a head disc, like a person or a bottle) and a
 * cluster of overlapping discs. Each shape is placed either freely (pseudo-random in the central
 * part of the image) or over a strong structure: the window with the largest mean gradient
 * magnitude of the smoothed image (horizons, rims, table edges), distinct structures for distinct
 * shapes. The same image and seed give the same masks.
 *
 * <p>Thread-safety: stateless.
 */
final class SyntheticHoles {
    /** The hole shapes. */
    enum Shape { BLOB, POLYGON, FIGURE, DISCS }

    /** Where a hole is put. */
    enum Placement { FREE, STRUCTURE }

    /** Fraction of the image the holes cover. */
    static final double AREA = 0.10;

    private SyntheticHoles() {}

    /**
     * Centres over strong structures for {@code count} holes: maxima of the mean gradient magnitude
     * in windows of the hole's size, at least one window apart, inside the image by half a window.
     */
    static List<int[]> structureCentres(RgbImage image, int count) {
        int w = image.width();
        int h = image.height();
        float[] grey = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = 0.299f * image.channel(x, y, 0) + 0.587f * image.channel(x, y, 1)
                        + 0.114f * image.channel(x, y, 2);
            }
        }
        grey = boxBlur(grey, w, h, 2);
        float[] grad = new float[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                float gx = grey[y * w + x + 1] - grey[y * w + x - 1];
                float gy = grey[(y + 1) * w + x] - grey[(y - 1) * w + x];
                grad[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        int half = (int) Math.round(0.5 * Math.sqrt(AREA * w * h) / 2);
        float[] energy = boxBlur(grad, w, h, half);
        List<int[]> centres = new ArrayList<>();
        int margin = Math.max(half, 1);
        for (int k = 0; k < count; k++) {
            int best = -1;
            for (int y = margin; y < h - margin; y++) {
                for (int x = margin; x < w - margin; x++) {
                    if (far(centres, x, y, 2 * half) && (best < 0 || energy[y * w + x] > energy[best])) {
                        best = y * w + x;
                    }
                }
            }
            if (best < 0) {
                best = (h / 2) * w + w / 2;
            }
            centres.add(new int[] {best % w, best / w});
        }
        return centres;
    }

    private static boolean far(List<int[]> centres, int x, int y, int distance) {
        for (int[] c : centres) {
            if (Math.abs(c[0] - x) < distance && Math.abs(c[1] - y) < distance) {
                return false;
            }
        }
        return true;
    }

    /** Separable box mean of radius {@code r} with clamped borders. */
    private static float[] boxBlur(float[] v, int w, int h, int r) {
        float[] tmp = new float[w * h];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int d = -r; d <= r; d++) {
                    s += v[y * w + Math.max(0, Math.min(w - 1, x + d))];
                }
                tmp[y * w + x] = s / (2 * r + 1);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int d = -r; d <= r; d++) {
                    s += tmp[Math.max(0, Math.min(h - 1, y + d)) * w + x];
                }
                out[y * w + x] = s / (2 * r + 1);
            }
        }
        return out;
    }

    /**
     * A binary hole of {@code shape} centred at ({@code cx}, {@code cy}) in a {@code w x h} image,
     * scaled so that it covers {@link #AREA} of the image (within about a percent of it).
     */
    static Mask make(Shape shape, int w, int h, double cx, double cy, long seed) {
        double scale = Math.sqrt(AREA * w * h);
        float[] v = null;
        for (int pass = 0; pass < 4; pass++) {
            v = draw(shape, w, h, cx, cy, scale, seed);
            double area = 0;
            for (float f : v) {
                area += f;
            }
            double ratio = area / (AREA * w * h);
            if (Math.abs(ratio - 1) < 0.02 || area == 0) {
                break;
            }
            scale /= Math.sqrt(ratio);
        }
        return Mask.of(w, h, v);
    }

    /** A free centre: pseudo-random in the central 40% of each axis. */
    static double[] freeCentre(int w, int h, long seed) {
        Random rnd = new Random(seed);
        return new double[] {w * (0.3 + 0.4 * rnd.nextDouble()), h * (0.3 + 0.4 * rnd.nextDouble())};
    }

    private static float[] draw(Shape shape, int w, int h, double cx, double cy, double s, long seed) {
        Random rnd = new Random(seed * 31 + shape.ordinal());
        float[] v = new float[w * h];
        switch (shape) {
            case BLOB -> {
                double[] amp = new double[5];
                double[] phase = new double[5];
                for (int k = 2; k < 5; k++) {
                    amp[k] = 0.08 + 0.12 * rnd.nextDouble();
                    phase[k] = 2 * Math.PI * rnd.nextDouble();
                }
                double stretch = 0.7 + 0.6 * rnd.nextDouble();
                fillRadial(v, w, h, cx, cy, theta -> {
                    double r = 1;
                    for (int k = 2; k < 5; k++) {
                        r += amp[k] * Math.cos(k * theta + phase[k]);
                    }
                    return 0.56 * s * r;
                }, stretch);
            }
            case POLYGON -> {
                int n = 5 + rnd.nextInt(5);
                double[] radius = new double[n];
                double[] angle = new double[n];
                double start = 2 * Math.PI * rnd.nextDouble();
                for (int k = 0; k < n; k++) {
                    radius[k] = 0.6 * s * (0.6 + 0.6 * rnd.nextDouble());
                    angle[k] = start + 2 * Math.PI * (k + 0.3 * (rnd.nextDouble() - 0.5)) / n;
                }
                double[] px = new double[n];
                double[] py = new double[n];
                for (int k = 0; k < n; k++) {
                    px[k] = cx + radius[k] * Math.cos(angle[k]);
                    py[k] = cy + radius[k] * Math.sin(angle[k]);
                }
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (inside(px, py, x + 0.5, y + 0.5)) {
                            v[y * w + x] = 1f;
                        }
                    }
                }
            }
            case FIGURE -> {
                double bodyW = 0.32 * s * (0.8 + 0.4 * rnd.nextDouble());
                double bodyH = 0.62 * s;
                double head = 0.2 * s;
                double tilt = (rnd.nextDouble() - 0.5) * 0.5;
                double hx = cx + Math.sin(tilt) * (bodyH + 0.7 * head);
                double hy = cy - Math.cos(tilt) * (bodyH + 0.7 * head) + bodyH * 0.35;
                double by = cy + bodyH * 0.35;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double dx = x + 0.5 - cx;
                        double dy = y + 0.5 - by;
                        double u = (dx * Math.cos(tilt) + dy * Math.sin(tilt)) / bodyW;
                        double t = (-dx * Math.sin(tilt) + dy * Math.cos(tilt)) / bodyH;
                        double ex = x + 0.5 - hx;
                        double ey = y + 0.5 - hy;
                        if (u * u + t * t <= 1 || ex * ex + ey * ey <= head * head) {
                            v[y * w + x] = 1f;
                        }
                    }
                }
            }
            case DISCS -> {
                double ox = cx;
                double oy = cy;
                for (int k = 0; k < 6; k++) {
                    double r = s * (0.2 + 0.12 * rnd.nextDouble());
                    disc(v, w, h, ox, oy, r);
                    ox = cx + (rnd.nextDouble() - 0.5) * 0.7 * s;
                    oy = cy + (rnd.nextDouble() - 0.5) * 0.7 * s;
                }
            }
            default -> throw new IllegalStateException("unknown shape " + shape);
        }
        return v;
    }

    /** Radius as a function of the angle. */
    private interface Radius {
        double at(double theta);
    }

    private static void fillRadial(float[] v, int w, int h, double cx, double cy, Radius radius, double stretch) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - cx) / stretch;
                double dy = (y + 0.5 - cy) * stretch;
                if (Math.hypot(dx, dy) <= radius.at(Math.atan2(dy, dx))) {
                    v[y * w + x] = 1f;
                }
            }
        }
    }

    /** Even-odd point-in-polygon test. */
    private static boolean inside(double[] px, double[] py, double x, double y) {
        boolean in = false;
        for (int i = 0, j = px.length - 1; i < px.length; j = i++) {
            if ((py[i] > y) != (py[j] > y) && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) {
                in = !in;
            }
        }
        return in;
    }

    private static void disc(float[] v, int w, int h, double cx, double cy, double radius) {
        int minX = (int) Math.max(0, Math.floor(cx - radius));
        int maxX = (int) Math.min(w - 1, Math.ceil(cx + radius));
        int minY = (int) Math.max(0, Math.floor(cy - radius));
        int maxY = (int) Math.min(h - 1, Math.ceil(cy + radius));
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double ex = x + 0.5 - cx;
                double ey = y + 0.5 - cy;
                if (ex * ex + ey * ey <= radius * radius) {
                    v[y * w + x] = 1f;
                }
            }
        }
    }
}
