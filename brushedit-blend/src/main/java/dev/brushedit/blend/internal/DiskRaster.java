package dev.brushedit.blend.internal;

/**
 * Filled disks and ellipses on {@code byte} planes.
 *
 * <p>{@link #fillOpenCvCircle} reproduces OpenCV's {@code cv2.circle(img, (cx, cy), r, 1, -1)} with
 * the default 8-connected line type: the midpoint circle walk whose spans are drawn as horizontal
 * lines, clipped to the plane.
 *
 * <p>Thread-safety: stateless.
 */
public final class DiskRaster {
    private DiskRaster() {}

    /** Sets to 1 the pixels OpenCV's filled circle of radius {@code r} centred at column cx, row cy covers. */
    public static void fillOpenCvCircle(byte[] plane, int w, int h, int cx, int cy, int r) {
        int err = 0;
        int dx = r;
        int dy = 0;
        int plus = 1;
        int minus = 2 * r - 1;
        while (dx >= dy) {
            span(plane, w, h, cy - dy, cx - dx, cx + dx);
            span(plane, w, h, cy + dy, cx - dx, cx + dx);
            span(plane, w, h, cy - dx, cx - dy, cx + dy);
            span(plane, w, h, cy + dx, cx - dy, cx + dy);
            dy++;
            err += plus;
            plus += 2;
            if (err > 0) {
                err -= minus;
                dx--;
                minus -= 2;
            }
        }
    }

    private static void span(byte[] plane, int w, int h, int y, int x0, int x1) {
        if (y < 0 || y >= h) {
            return;
        }
        int a = Math.max(0, x0);
        int b = Math.min(w - 1, x1);
        if (a <= b) {
            java.util.Arrays.fill(plane, y * w + a, y * w + b + 1, (byte) 1);
        }
    }
}
