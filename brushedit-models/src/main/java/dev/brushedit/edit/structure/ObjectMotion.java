package dev.brushedit.edit.structure;

import dev.brushedit.core.InvalidInputException;

/**
 * How an object moves or changes size: an offset in pixels (x to the right, y downwards) and a
 * scale factor. The offset is either an explicit distance ("50 pixels right") or only a direction
 * ("to the left"), whose distance {@link Placement} chooses: a quarter of the image's width or
 * height (a tenth for {@link #nudge}), shortened so the object stays inside the image.
 *
 * <p>Scaling keeps the bottom centre of the object's box in place (objects keep their footing); the
 * offset is applied after scaling.
 *
 * <p>Thread-safety: immutable.
 */
public final class ObjectMotion {
    /** Largest scale factor accepted. */
    public static final double MAX_SCALE = 8.0;
    /** Largest offset accepted on either axis, in pixels. */
    public static final double MAX_OFFSET = 100_000;

    private final double dx;
    private final double dy;
    private final boolean distanceGiven;
    private final double directionFraction;
    private final double scale;
    private final boolean sideChosen;

    private ObjectMotion(double dx, double dy, boolean distanceGiven, double directionFraction, double scale) {
        this(dx, dy, distanceGiven, directionFraction, scale, false);
    }

    private ObjectMotion(double dx, double dy, boolean distanceGiven, double directionFraction, double scale,
            boolean sideChosen) {
        this.dx = dx;
        this.dy = dy;
        this.distanceGiven = distanceGiven;
        this.directionFraction = directionFraction;
        this.scale = scale;
        this.sideChosen = sideChosen;
    }

    /**
     * A move by exactly {@code dx} pixels right and {@code dy} pixels down (negative: left, up).
     *
     * @throws InvalidInputException when the offset is not finite, too large, or zero
     */
    public static ObjectMotion move(double dx, double dy) {
        checkOffset(dx, dy);
        return new ObjectMotion(dx, dy, true, 0, 1.0);
    }

    /**
     * A move in a direction without a distance: {@code dirX} and {@code dirY} are -1, 0 or 1 (left
     * or up is -1); the distance is a quarter of the image's size on that axis, shortened at the edge.
     */
    public static ObjectMotion toward(int dirX, int dirY) {
        return direction(dirX, dirY, 0.25);
    }

    /** As {@link #toward} with a tenth of the image's size ("slightly", "a bit"). */
    public static ObjectMotion nudge(int dirX, int dirY) {
        return direction(dirX, dirY, 0.1);
    }

    /**
     * A move whose direction the instruction did not give ("shift the man"): horizontally, a quarter
     * of the image's width toward the side with more room ({@link Placement} chooses the side; right
     * on a tie), shortened at the edge. {@link #dx()} is 1 until placed.
     */
    public static ObjectMotion sideways() {
        return new ObjectMotion(1, 0, false, 0.25, 1.0, true);
    }

    /** As {@link #sideways()} with a tenth of the image's width ("move the cup a bit"). */
    public static ObjectMotion nudgeSideways() {
        return new ObjectMotion(1, 0, false, 0.1, 1.0, true);
    }

    private static ObjectMotion direction(int dirX, int dirY, double fraction) {
        if (dirX < -1 || dirX > 1 || dirY < -1 || dirY > 1 || dirX == 0 && dirY == 0) {
            throw new InvalidInputException("a direction must be -1, 0 or 1 on each axis and not (0, 0), was (" + dirX
                    + ", " + dirY + ")");
        }
        return new ObjectMotion(dirX, dirY, false, fraction, 1.0);
    }

    /**
     * A size change by {@code factor} (2 = twice as big, 0.5 = half the size).
     *
     * @throws InvalidInputException when the factor is not positive, not finite, above
     *     {@value #MAX_SCALE}, or 1
     */
    public static ObjectMotion scale(double factor) {
        checkScale(factor);
        if (factor == 1.0) {
            throw new InvalidInputException("scale must differ from 1 for a resize, was 1.0");
        }
        return new ObjectMotion(0, 0, true, 0, factor);
    }

    /** This motion with its size changed by {@code factor} as well (1 keeps the size). */
    public ObjectMotion withScale(double factor) {
        checkScale(factor);
        return new ObjectMotion(dx, dy, distanceGiven, directionFraction, factor, sideChosen);
    }

    private static void checkScale(double factor) {
        if (!Double.isFinite(factor) || factor <= 0) {
            throw new InvalidInputException("scale must be a positive number, was " + factor);
        }
        if (factor > MAX_SCALE) {
            throw new InvalidInputException("scale must be at most " + MAX_SCALE + ", was " + factor);
        }
    }

    private static void checkOffset(double dx, double dy) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || Math.abs(dx) > MAX_OFFSET || Math.abs(dy) > MAX_OFFSET) {
            throw new InvalidInputException("offset must be finite and at most " + (long) MAX_OFFSET
                    + " pixels on each axis, was (" + dx + ", " + dy + ")");
        }
        if (Math.round(dx) == 0 && Math.round(dy) == 0) {
            throw new InvalidInputException("a move must shift the object by at least one pixel, was (" + dx + ", " + dy + ")");
        }
    }

    /** The horizontal offset in pixels, or the direction (-1, 0, 1) when {@link #distanceGiven()} is false. */
    public double dx() {
        return dx;
    }

    /** The vertical offset in pixels (down is positive), or the direction when {@link #distanceGiven()} is false. */
    public double dy() {
        return dy;
    }

    /** True for an explicit distance; false for a direction whose distance {@link Placement} chooses. */
    public boolean distanceGiven() {
        return distanceGiven;
    }

    /** True for {@link #sideways()}: the side is chosen at placement, toward the one with more room. */
    public boolean sideChosen() {
        return sideChosen;
    }

    /** For a direction: the fraction of the image's size to move (0.25, or 0.1 for a nudge); 0 otherwise. */
    public double directionFraction() {
        return directionFraction;
    }

    /** The scale factor (1 = same size). */
    public double scale() {
        return scale;
    }

    /** True when the object changes size. */
    public boolean resizes() {
        return scale != 1.0;
    }

    /** True when the object changes position. */
    public boolean moves() {
        return dx != 0 || dy != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectMotion m && m.dx == dx && m.dy == dy && m.distanceGiven == distanceGiven
                && m.directionFraction == directionFraction && m.scale == scale && m.sideChosen == sideChosen;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dx, dy, distanceGiven, directionFraction, scale, sideChosen);
    }

    @Override
    public String toString() {
        String move = !moves() ? "" : sideChosen ? "move sideways toward the side with more room by " + fmt(directionFraction)
                + " of the image" : distanceGiven ? "move (" + fmt(dx) + ", " + fmt(dy) + ") px"
                : "move toward (" + fmt(dx) + ", " + fmt(dy) + ") by " + fmt(directionFraction) + " of the image";
        String size = resizes() ? "scale " + fmt(scale) : "";
        return move.isEmpty() ? size : size.isEmpty() ? move : move + ", " + size;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
