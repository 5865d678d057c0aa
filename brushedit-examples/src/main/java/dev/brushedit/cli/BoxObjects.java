package dev.brushedit.cli;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.BoxObjectMaskSource;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.MaskSource;
import java.util.Optional;

/**
 * What {@code --box} means for an edit of an object: the object GrabCut finds inside the box
 * ({@code --box-mask object}, the default) or the whole box ({@code --box-mask rect}); a box GrabCut
 * cannot work with (covering the whole image) or finds nothing in falls back to the whole box, and the
 * line returned says which mask was used, in the tool's flags.
 *
 * <p>Thread-safety: stateless.
 */
final class BoxObjects {
    private BoxObjects() {}

    /**
     * Sets the object mask in {@code overrides} when GrabCut is used and finds the object (otherwise the
     * overrides' box, already set, is the object's mask) and returns the line to print.
     */
    static String choose(RgbImage image, Box box, boolean objectInBox, EditOverrides.Builder overrides) {
        Box clamped = box.clampTo(image.width(), image.height());
        String whole = "object mask: the whole --box (" + clamped.area() + " px)";
        if (!objectInBox) {
            return whole + ", as --box-mask rect asks";
        }
        if (clamped.area() == image.pixelCount()) {
            return whole + ": it covers the whole image, so there is no background to tell the object from; "
                    + "draw a tighter --box to segment the object inside it";
        }
        BoxObjectMaskSource source = MaskSource.ofBoxObject(clamped);
        Optional<Mask> object = source.object(image);
        if (object.isEmpty()) {
            return whole + ": GrabCut found no object inside it (under "
                    + Math.round(BoxObjectMaskSource.MIN_OBJECT_SHARE * 100) + "% of the box differs in colour from "
                    + "its surroundings); give --mask FILE for an exact mask";
        }
        overrides.objectMask(object.get());
        return "object mask: the object inside --box found by colour (GrabCut), " + object.get().area() + " px of the box's "
                + clamped.area() + " px; --box-mask rect uses the whole box";
    }
}
