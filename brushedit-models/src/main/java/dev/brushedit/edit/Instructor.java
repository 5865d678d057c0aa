package dev.brushedit.edit;

import dev.brushedit.core.image.RgbImage;

/**
 * Turns an instruction about an image into an {@link EditPlan}: BrushEdit's four sub-tasks
 * (category; target object; a box for additions; the target caption).
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface Instructor {

    /**
     * Plans the edit. Boxes are clamped to the image.
     *
     * @throws dev.brushedit.core.InvalidInputException for an empty instruction, or one the
     *     instructor cannot understand (the message says why)
     */
    EditPlan plan(RgbImage image, String instruction);
}
