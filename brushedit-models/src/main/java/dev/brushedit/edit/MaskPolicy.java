package dev.brushedit.edit;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * Turns a plan into the mask to repaint (1 = repaint), per category, as BrushEdit does:
 * <ul>
 *   <li>REMOVE: the object's mask dilated with a square of {@link #removeDilation()} pixels (default
 *       20, the BrushEdit app's dilation size), so the inpainting also covers the object's edge and
 *       shadow fringe;</li>
 *   <li>ADDITION: the plan's box clamped to the image, filled as a rectangle or as the inscribed
 *       ellipse ({@link #additionShape()}); the mask source is not asked;</li>
 *   <li>LOCAL: the object's mask as found;</li>
 *   <li>BACKGROUND: everything but the foreground object's mask (its inversion);</li>
 *   <li>MOVE and RESIZE: the object's mask as found (the
 *       {@link dev.brushedit.edit.structure.StructuralEditor} lifts, fills and pastes from it);</li>
 *   <li>GLOBAL: the whole image (all ones; the BrushEdit app returns an all-zero mask here, which
 *       would leave the image unchanged), inpainted with the lower
 *       {@link #globalPreservationScale()}.</li>
 * </ul>
 * Build with {@link #builder()}; {@link #defaults()} holds the defaults listed on each setter.
 *
 * <p>Thread-safety: immutable.
 */
public final class MaskPolicy {

    /** How an ADDITION box is filled. */
    public enum AdditionShape {
        /** The whole box. */
        RECTANGLE,
        /** The ellipse inscribed in the box ({@link MaskOps#boundingEllipseMask}). */
        ELLIPSE
    }

    private static final MaskPolicy DEFAULTS = builder().build();

    private final int removeDilation;
    private final AdditionShape additionShape;
    private final double globalPreservationScale;

    private MaskPolicy(Builder b) {
        this.removeDilation = b.removeDilation;
        this.additionShape = b.additionShape;
        this.globalPreservationScale = b.globalPreservationScale;
    }

    /** The default policy. */
    public static MaskPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        return new Builder().removeDilation(removeDilation).additionShape(additionShape)
                .globalPreservationScale(globalPreservationScale);
    }

    /** Side of the square structuring element that dilates REMOVE masks, in pixels; 0 = no dilation. */
    public int removeDilation() {
        return removeDilation;
    }

    /** How ADDITION boxes are filled. */
    public AdditionShape additionShape() {
        return additionShape;
    }

    /** The preservation scale used for GLOBAL edits in place of the request's. */
    public double globalPreservationScale() {
        return globalPreservationScale;
    }

    /** True when the category needs the object's mask from a {@link MaskSource}. */
    public static boolean needsObjectMask(EditCategory category) {
        return category == EditCategory.REMOVE || category == EditCategory.LOCAL || category == EditCategory.BACKGROUND
                || category == EditCategory.MOVE || category == EditCategory.RESIZE;
    }

    /**
     * The mask to repaint for {@code plan} on {@code image}.
     *
     * @param objectMask the target object's mask from the mask source; required (non-empty, the
     *     image's size) when {@link #needsObjectMask} holds for the plan's category, ignored otherwise
     * @throws ObjectNotFoundException when the object mask is empty
     * @throws dev.brushedit.core.InvalidInputException for a box outside the image or a mask of the wrong size
     */
    public Mask editMask(RgbImage image, EditPlan plan, Mask objectMask) {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        int w = image.width();
        int h = image.height();
        switch (plan.category()) {
            case GLOBAL:
                return Mask.full(w, h);
            case ADDITION: {
                Box box = plan.box().orElseThrow().clampTo(w, h);
                Mask rect = Mask.ofBox(w, h, box);
                return additionShape == AdditionShape.ELLIPSE ? MaskOps.boundingEllipseMask(rect) : rect;
            }
            default:
                break;
        }
        Checks.notNull("objectMask", objectMask);
        objectMask.requireSameSize(image);
        Mask binary = objectMask.binarize(0.5f);
        if (binary.isEmpty()) {
            throw new ObjectNotFoundException(plan.targetObject(), "the mask source returned an empty mask");
        }
        switch (plan.category()) {
            case REMOVE:
                return removeDilation <= 1 ? binary : MaskOps.dilate(binary, StructuringElement.square(removeDilation), 1);
            case BACKGROUND:
                return binary.invert();
            default:
                return binary;
        }
    }

    /**
     * Builds {@link MaskPolicy} values; each setter validates its argument.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private int removeDilation = 20;
        private AdditionShape additionShape = AdditionShape.RECTANGLE;
        private double globalPreservationScale = 0.4;

        private Builder() {}

        /** REMOVE dilation square side, 0 to 512 pixels (default 20; 0 or 1 = none). */
        public Builder removeDilation(int pixels) {
            this.removeDilation = Checks.inRange("removeDilation", pixels, 0, 512);
            return this;
        }

        /** ADDITION mask shape (default {@link AdditionShape#RECTANGLE}). */
        public Builder additionShape(AdditionShape shape) {
            this.additionShape = Checks.notNull("additionShape", shape);
            return this;
        }

        /**
         * Preservation scale for GLOBAL edits, 0 to 2 (default 0.4: with an all-ones mask BrushNet's
         * branch sees no kept pixels, and a lower scale leaves the base model freer to restyle).
         */
        public Builder globalPreservationScale(double scale) {
            this.globalPreservationScale = Checks.inRange("globalPreservationScale", scale, 0.0, 2.0);
            return this;
        }

        /** The policy. */
        public MaskPolicy build() {
            return new MaskPolicy(this);
        }
    }
}
