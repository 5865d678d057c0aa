package dev.brushedit.edit;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.Point;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.GrabCut;
import java.util.List;

/**
 * Finds the plan's target object in an image and returns its mask (1 = the object, 0 = the rest),
 * at the image's size. The {@link InstructionEditor} then applies the category's mask policy
 * (dilation for REMOVE, inversion for BACKGROUND...), so a source returns the object itself, never
 * the region to repaint. It is not asked for ADDITION plans (the plan's box is used) nor for GLOBAL
 * ones (the whole image is used).
 *
 * <p>For a BACKGROUND plan the target object is the foreground to keep (e.g. "the main subject").
 * Implementations: an open-vocabulary detector plus SAM ({@code dev.brushedit.segment}), the
 * weight-free object inside a box ({@link #ofBoxObject(Box)}, GrabCut), or the caller-supplied sources
 * made by {@link #of(Mask)}, {@link #ofBox(Box)} and {@link #ofPoints}.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface MaskSource {

    /**
     * The mask of {@code plan.targetObject()} in {@code image}.
     *
     * @return a mask the size of {@code image}, non-empty
     * @throws ObjectNotFoundException when the object is not in the image
     * @throws dev.brushedit.core.InvalidInputException when the inputs are not acceptable
     */
    Mask mask(RgbImage image, EditPlan plan);

    /** A source that always returns {@code mask} (it must match the image's size when used). */
    static MaskSource of(Mask mask) {
        return new FixedMaskSource(mask);
    }

    /** A source that returns the filled {@code box}, clamped to the image (a box wholly outside it is rejected). */
    static MaskSource ofBox(Box box) {
        return new BoxMaskSource(box);
    }

    /**
     * A source that returns the object inside {@code box}, segmented without model weights by GrabCut
     * with its defaults ({@link BoxObjectMaskSource}); the filled box when GrabCut finds nearly nothing.
     * Images above {@link BoxObjectMaskSource#DEFAULT_MAX_PIXELS} are segmented on a scaled-down copy
     * (see {@link GrabCut.Builder#maxPixels(long)}), which bounds the time to a few seconds.
     * The box is clamped to the image; one wholly outside it, or covering all of it, is rejected.
     */
    static BoxObjectMaskSource ofBoxObject(Box box) {
        return new BoxObjectMaskSource(box, GrabCut.builder().maxPixels(BoxObjectMaskSource.DEFAULT_MAX_PIXELS).build());
    }

    /** As {@link #ofBoxObject(Box)}, with {@code grabCut}'s settings. */
    static BoxObjectMaskSource ofBoxObject(Box box, GrabCut grabCut) {
        return new BoxObjectMaskSource(box, grabCut);
    }

    /**
     * A source that returns the union of filled disks of {@code radius} pixels around {@code points}
     * (clicks on the object), clipped to the image; points outside the image are rejected.
     */
    static MaskSource ofPoints(List<Point> points, int radius) {
        return new PointMaskSource(points, radius);
    }
}
