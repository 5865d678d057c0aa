package dev.brushedit.edit;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.Checks;
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

    /**
     * Plans with {@code instructor} as the editors do: refuses a null image or a blank instruction
     * before asking it, and a null plan from it (a broken implementation) after.
     *
     * @throws dev.brushedit.core.InvalidInputException for a null image or a blank instruction, or
     *     as {@link #plan} does
     * @throws BrushEditException when {@code instructor} returns no plan
     */
    static EditPlan planChecked(Instructor instructor, RgbImage image, String instruction) {
        Checks.notNull("instructor", instructor);
        Checks.notNull("image", image);
        Checks.notBlank("instruction", instruction);
        EditPlan plan = instructor.plan(image, instruction);
        if (plan == null) {
            throw new BrushEditException("the instructor " + instructor.getClass().getName() + " returned no plan for \""
                    + instruction + "\"");
        }
        return plan;
    }
}
