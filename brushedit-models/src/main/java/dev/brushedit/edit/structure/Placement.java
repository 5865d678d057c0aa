package dev.brushedit.edit.structure;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;

/**
 * Where a moved or resized object goes: its box before ({@link #source()}) and after
 * ({@link #target()}), and whether a direction's distance was shortened at the image's edge.
 *
 * <p>The rules, applied by {@link #resolve} before any pixel work:
 * <ul>
 *   <li>the scaled box keeps the bottom centre of the object's box; a scaled object smaller than one
 *       pixel, or larger than the image on either axis, is refused;</li>
 *   <li>a resized object that would cross an edge is shifted back inside (it fits, since it is not
 *       larger than the image);</li>
 *   <li>an explicit offset that would put any part of the object's box outside the image is
 *       <b>refused</b> (nothing is clipped): the message gives the largest move possible each way;</li>
 *   <li>a direction without a distance moves a quarter (a nudge: a tenth) of the image's size on
 *       that axis, shortened to stop at the edge; it is refused when the object already touches
 *       that edge on every axis it was asked to move along.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable.
 *
 * @param source the object's bounding box in the image
 * @param target the box the object is pasted into, inside the image
 * @param scale the scale factor applied
 * @param shortened true when a direction's distance was cut at the edge
 */
public record Placement(Box source, Box target, double scale, boolean shortened) {

    /** Validates that no field is null. */
    public Placement {
        Checks.notNull("source", source);
        Checks.notNull("target", target);
    }

    /** The horizontal offset of the box's left edge, in pixels. */
    public int dx() {
        return target.x0() - source.x0();
    }

    /** The vertical offset of the box's top edge, in pixels (down is positive). */
    public int dy() {
        return target.y0() - source.y0();
    }

    /**
     * Resolves {@code motion} for an object with bounding box {@code object} in a
     * {@code width x height} image.
     *
     * @throws InvalidInputException when the motion cannot be carried out inside the image (see the
     *     class description)
     */
    public static Placement resolve(Box object, int width, int height, ObjectMotion motion) {
        Checks.notNull("object", object);
        Checks.notNull("motion", motion);
        Checks.positive("width", width);
        Checks.positive("height", height);
        double s = motion.scale();
        double sw = object.width() * s;
        double sh = object.height() * s;
        if (sw < 1 || sh < 1) {
            throw new InvalidInputException("scale " + s + " would make the " + object.width() + "x" + object.height()
                    + " object smaller than one pixel; use a scale of at least "
                    + (1.0 / Math.min(object.width(), object.height())));
        }
        int w = (int) Math.round(sw);
        int h = (int) Math.round(sh);
        if (w > width || h > height) {
            throw new InvalidInputException("scale " + s + " would make the " + object.width() + "x" + object.height()
                    + " object " + w + "x" + h + ", larger than the " + width + "x" + height + " image; use a scale of at most "
                    + Math.min((double) width / object.width(), (double) height / object.height()));
        }
        int x0 = (int) Math.round((object.x0() + object.x1()) / 2.0 - w / 2.0);
        int y0 = object.y1() - h;
        if (motion.resizes()) {
            x0 = Math.max(0, Math.min(width - w, x0));
            y0 = Math.max(0, Math.min(height - h, y0));
        }
        if (!motion.moves()) {
            return new Placement(object, new Box(x0, y0, x0 + w, y0 + h), s, false);
        }
        int left = x0;
        int right = width - (x0 + w);
        int up = y0;
        int down = height - (y0 + h);
        if (motion.distanceGiven()) {
            int dx = (int) Math.round(motion.dx());
            int dy = (int) Math.round(motion.dy());
            if (-dx > left || dx > right || -dy > up || dy > down) {
                throw new InvalidInputException("moving the object by (" + dx + ", " + dy + ") pixels would put its box ("
                        + (x0 + dx) + ", " + (y0 + dy) + ")-(" + (x0 + dx + w) + ", " + (y0 + dy + h) + ") partly outside the "
                        + width + "x" + height + " image, and moves off the image are refused; it can move at most " + left
                        + " px left, " + right + " px right, " + up + " px up and " + down + " px down");
            }
            return new Placement(object, new Box(x0 + dx, y0 + dy, x0 + dx + w, y0 + dy + h), s, false);
        }
        int dirX = motion.sideChosen() ? (right >= left ? 1 : -1) : (int) motion.dx();
        int dirY = (int) motion.dy();
        int wantX = (int) Math.round(motion.directionFraction() * width);
        int wantY = (int) Math.round(motion.directionFraction() * height);
        int roomX = dirX < 0 ? left : dirX > 0 ? right : 0;
        int roomY = dirY < 0 ? up : dirY > 0 ? down : 0;
        int dx = dirX * Math.min(wantX, roomX);
        int dy = dirY * Math.min(wantY, roomY);
        if (dx == 0 && dy == 0) {
            throw new InvalidInputException("the object already touches the " + edges(dirX, dirY) + " of the " + width + "x"
                    + height + " image, so it cannot move further that way");
        }
        boolean shortened = dirX != 0 && roomX < wantX || dirY != 0 && roomY < wantY;
        return new Placement(object, new Box(x0 + dx, y0 + dy, x0 + dx + w, y0 + dy + h), s, shortened);
    }

    private static String edges(int dirX, int dirY) {
        String x = dirX < 0 ? "left edge" : dirX > 0 ? "right edge" : "";
        String y = dirY < 0 ? "top edge" : dirY > 0 ? "bottom edge" : "";
        return x.isEmpty() ? y : y.isEmpty() ? x : x + " and the " + y;
    }
}
