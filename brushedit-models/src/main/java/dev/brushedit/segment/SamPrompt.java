package dev.brushedit.segment;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Point;
import java.util.List;
import java.util.Optional;

/**
 * What SAM should segment, in pixel coordinates of the image: foreground points (label 1),
 * background points (label 0) and at most one box (its corners become two points labelled 2 and 3,
 * as segment-anything's ONNX decoder expects). Without a box a padding point (label -1) is added
 * when the prompt is sent, as segment-anything does.
 *
 * <pre>{@code
 * SamPrompt.ofBox(new Box(10, 20, 200, 180));
 * SamPrompt.ofPoints(List.of(new Point(50, 60)), List.of());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class SamPrompt {
    private final float[] xs;
    private final float[] ys;
    private final float[] labels;
    private final Box box;

    private SamPrompt(float[] xs, float[] ys, float[] labels, Box box) {
        this.xs = xs;
        this.ys = ys;
        this.labels = labels;
        this.box = box;
    }

    /** A box prompt: the object inside {@code box} (its exclusive right and bottom edges are the corner). */
    public static SamPrompt ofBox(Box box) {
        Checks.notNull("box", box);
        return new SamPrompt(new float[0], new float[0], new float[0], box);
    }

    /** Clicks on the object ({@code foreground}) and off it ({@code background}); at least one in all. */
    public static SamPrompt ofPoints(List<Point> foreground, List<Point> background) {
        Checks.notNull("foreground", foreground);
        Checks.notNull("background", background);
        int n = foreground.size() + background.size();
        if (n == 0) {
            throw new InvalidInputException("a point prompt needs at least one point, was none");
        }
        float[] xs = new float[n];
        float[] ys = new float[n];
        float[] labels = new float[n];
        int i = 0;
        for (List<Point> list : List.of(foreground, background)) {
            for (Point p : list) {
                Checks.notNull("point", p);
                xs[i] = p.x();
                ys[i] = p.y();
                labels[i] = list == foreground ? 1f : 0f;
                i++;
            }
        }
        return new SamPrompt(xs, ys, labels, null);
    }

    /** One foreground point at a sub-pixel position (SAM's automatic grid uses cell centres). */
    public static SamPrompt ofPoint(double x, double y) {
        Checks.finite("x", x);
        Checks.finite("y", y);
        return new SamPrompt(new float[] {(float) x}, new float[] {(float) y}, new float[] {1f}, null);
    }

    /** This prompt with {@code newBox} added or replacing the box. */
    public SamPrompt withBox(Box newBox) {
        Checks.notNull("box", newBox);
        return new SamPrompt(xs, ys, labels, newBox);
    }

    /** The box, if any. */
    public Optional<Box> box() {
        return Optional.ofNullable(box);
    }

    /** Whether the prompt is a box and nothing else. */
    public boolean isBoxOnly() {
        return box != null && xs.length == 0;
    }

    /** Number of points the decoder receives: the points, two box corners or one padding point. */
    public int decoderPointCount() {
        return xs.length + (box == null ? 1 : 2);
    }

    /**
     * The decoder's points as {@code {x0, y0, x1, y1, ...}} in image pixels and their labels, box
     * corners or the padding point last.
     */
    float[][] decoderPoints() {
        int n = decoderPointCount();
        float[] coords = new float[2 * n];
        float[] lab = new float[n];
        for (int i = 0; i < xs.length; i++) {
            coords[2 * i] = xs[i];
            coords[2 * i + 1] = ys[i];
            lab[i] = labels[i];
        }
        int k = xs.length;
        if (box == null) {
            lab[k] = -1f;
        } else {
            coords[2 * k] = box.x0();
            coords[2 * k + 1] = box.y0();
            coords[2 * k + 2] = box.x1();
            coords[2 * k + 3] = box.y1();
            lab[k] = 2f;
            lab[k + 1] = 3f;
        }
        return new float[][] {coords, lab};
    }

    @Override
    public String toString() {
        return "SamPrompt[points=" + xs.length + ", box=" + box + "]";
    }
}
