package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.Point;
import dev.brushedit.core.image.RgbImage;
import java.util.List;

/** Filled disks around caller-given points, clipped to the image. Thread-safety: immutable. */
final class PointMaskSource implements MaskSource {
    private final List<Point> points;
    private final int radius;

    PointMaskSource(List<Point> points, int radius) {
        Checks.notNull("points", points);
        if (points.isEmpty()) {
            throw new InvalidInputException("points must hold at least one point, was empty");
        }
        for (Point p : points) {
            Checks.notNull("point", p);
        }
        this.points = List.copyOf(points);
        this.radius = Checks.inRange("radius", radius, 0, 4096);
    }

    @Override
    public Mask mask(RgbImage image, EditPlan plan) {
        Checks.notNull("image", image);
        int w = image.width();
        int h = image.height();
        float[] values = new float[w * h];
        long r2 = (long) radius * radius;
        for (Point p : points) {
            if (p.x() < 0 || p.y() < 0 || p.x() >= w || p.y() >= h) {
                throw new InvalidInputException("point (" + p.x() + ", " + p.y() + ") lies outside the " + w + "x" + h + " image");
            }
            for (int y = Math.max(0, p.y() - radius); y <= Math.min(h - 1, p.y() + radius); y++) {
                long dy = y - p.y();
                for (int x = Math.max(0, p.x() - radius); x <= Math.min(w - 1, p.x() + radius); x++) {
                    long dx = x - p.x();
                    if (dx * dx + dy * dy <= r2) {
                        values[y * w + x] = 1f;
                    }
                }
            }
        }
        return Mask.of(w, h, values);
    }
}
