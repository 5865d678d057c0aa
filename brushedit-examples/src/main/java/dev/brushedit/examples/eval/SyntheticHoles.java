package dev.brushedit.examples.eval;

import dev.brushedit.core.image.Mask;
import java.util.Random;

/**
 * Synthetic hole masks for inpainting evaluation: rectangle, ellipse, thick stroke (polyline) and
 * irregular blob (union of discs), each in a small and a large size, placed pseudo-randomly from a
 * seed. The same seed gives the same masks.
 *
 * <p>Thread-safety: stateless.
 */
final class SyntheticHoles {
    /** The hole shapes. */
    enum Shape { RECTANGLE, ELLIPSE, STROKE, BLOB }

    /** The hole sizes: the characteristic length is this fraction of the image's shorter side. */
    enum Size {
        SMALL(0.16),
        LARGE(0.30);

        final double fraction;

        Size(double fraction) {
            this.fraction = fraction;
        }
    }

    private SyntheticHoles() {}

    /** A binary hole mask of the given shape and size for a {@code w x h} image. */
    static Mask make(Shape shape, Size size, int w, int h, long seed) {
        Random rnd = new Random(seed * 31 + shape.ordinal() * 7L + size.ordinal());
        double s = size.fraction * Math.min(w, h);
        double cx = w * (0.3 + 0.4 * rnd.nextDouble());
        double cy = h * (0.3 + 0.4 * rnd.nextDouble());
        float[] v = new float[w * h];
        switch (shape) {
            case RECTANGLE -> {
                double hw = 0.65 * s;
                double hh = 0.4 * s;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (Math.abs(x + 0.5 - cx) <= hw && Math.abs(y + 0.5 - cy) <= hh) {
                            v[y * w + x] = 1f;
                        }
                    }
                }
            }
            case ELLIPSE -> {
                double a = 0.7 * s;
                double b = 0.45 * s;
                double angle = rnd.nextDouble() * Math.PI;
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double dx = x + 0.5 - cx;
                        double dy = y + 0.5 - cy;
                        double u = (dx * cos + dy * sin) / a;
                        double t = (-dx * sin + dy * cos) / b;
                        if (u * u + t * t <= 1) {
                            v[y * w + x] = 1f;
                        }
                    }
                }
            }
            case STROKE -> {
                double thickness = size == Size.SMALL ? 9 : 17;
                double px = cx - 1.5 * s;
                double py = cy + (rnd.nextDouble() - 0.5) * s;
                for (int seg = 0; seg < 4; seg++) {
                    double qx = px + 0.75 * s;
                    double qy = py + (rnd.nextDouble() - 0.5) * 1.6 * s;
                    disc(v, w, h, px, py, qx, qy, thickness / 2);
                    px = qx;
                    py = qy;
                }
            }
            case BLOB -> {
                double ox = cx;
                double oy = cy;
                for (int k = 0; k < 7; k++) {
                    double r = s * (0.2 + 0.2 * rnd.nextDouble());
                    disc(v, w, h, ox, oy, ox, oy, r);
                    ox = cx + (rnd.nextDouble() - 0.5) * s;
                    oy = cy + (rnd.nextDouble() - 0.5) * s;
                }
            }
            default -> throw new IllegalStateException("unknown shape " + shape);
        }
        return Mask.of(w, h, v);
    }

    /** Marks every pixel within {@code radius} of the segment from (x0, y0) to (x1, y1). */
    private static void disc(float[] v, int w, int h, double x0, double y0, double x1, double y1, double radius) {
        int minX = (int) Math.max(0, Math.floor(Math.min(x0, x1) - radius));
        int maxX = (int) Math.min(w - 1, Math.ceil(Math.max(x0, x1) + radius));
        int minY = (int) Math.max(0, Math.floor(Math.min(y0, y1) - radius));
        int maxY = (int) Math.min(h - 1, Math.ceil(Math.max(y0, y1) + radius));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double px = x + 0.5 - x0;
                double py = y + 0.5 - y0;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                double ex = px - t * dx;
                double ey = py - t * dy;
                if (ex * ex + ey * ey <= radius * radius) {
                    v[y * w + x] = 1f;
                }
            }
        }
    }
}
