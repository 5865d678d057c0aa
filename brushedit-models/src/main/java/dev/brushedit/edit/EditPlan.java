package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.edit.structure.ObjectMotion;
import java.util.Optional;

/**
 * What an instructor understood from an instruction: the {@link EditCategory}, the target object
 * (at most five words; empty for global edits), the target caption (what the image should show after
 * the edit: the inpainting prompt), for additions the box where the new object goes, in pixel
 * coordinates of the image, and for MOVE and RESIZE edits the {@link ObjectMotion}. Every field can
 * be corrected by the caller before the next run.
 *
 * <p>Thread-safety: immutable.
 *
 * @param category the kind of edit
 * @param targetObject the object to find, remove or change; empty for GLOBAL edits
 * @param targetCaption the caption of the edited image, used as the inpainting prompt
 * @param box the box for ADDITION edits, absent otherwise
 * @param instruction the instruction the plan was made from
 * @param motion how the object moves or scales, for MOVE and RESIZE edits; absent otherwise
 */
public record EditPlan(EditCategory category, String targetObject, String targetCaption, Optional<Box> box, String instruction,
        Optional<ObjectMotion> motion) {

    /**
     * Validates the fields: an ADDITION needs a box, a MOVE or RESIZE a motion (a MOVE one that
     * moves, a RESIZE one that scales), and only a GLOBAL edit may lack a target object.
     */
    public EditPlan {
        Checks.notNull("category", category);
        Checks.notNull("targetObject", targetObject);
        Checks.notNull("targetCaption", targetCaption);
        Checks.notNull("box", box);
        Checks.notNull("instruction", instruction);
        Checks.notNull("motion", motion);
        targetObject = targetObject.strip();
        targetCaption = targetCaption.strip();
        if (category == EditCategory.ADDITION && box.isEmpty()) {
            throw new InvalidInputException("an ADDITION plan needs a box where the object goes");
        }
        if (category != EditCategory.GLOBAL && targetObject.isEmpty()) {
            throw new InvalidInputException("a " + category + " plan needs a target object");
        }
        if (category == EditCategory.MOVE && !motion.map(ObjectMotion::moves).orElse(false)) {
            throw new InvalidInputException("a MOVE plan needs a motion that moves the object, e.g. ObjectMotion.toward(-1, 0)");
        }
        if (category == EditCategory.RESIZE && !motion.map(ObjectMotion::resizes).orElse(false)) {
            throw new InvalidInputException("a RESIZE plan needs a motion that scales the object, e.g. ObjectMotion.scale(1.5)");
        }
    }

    /** A plan without a motion (every category but MOVE and RESIZE). */
    public EditPlan(EditCategory category, String targetObject, String targetCaption, Optional<Box> box, String instruction) {
        this(category, targetObject, targetCaption, box, instruction, Optional.empty());
    }

    /** This plan with another category (the box is kept; an ADDITION still needs one). */
    public EditPlan withCategory(EditCategory newCategory) {
        return new EditPlan(newCategory, targetObject, targetCaption, box, instruction, motion);
    }

    /** This plan with another target object. */
    public EditPlan withTargetObject(String newTarget) {
        return new EditPlan(category, newTarget, targetCaption, box, instruction, motion);
    }

    /** This plan with another target caption. */
    public EditPlan withTargetCaption(String newCaption) {
        return new EditPlan(category, targetObject, newCaption, box, instruction, motion);
    }

    /** This plan with another box (null removes it). */
    public EditPlan withBox(Box newBox) {
        return new EditPlan(category, targetObject, targetCaption, Optional.ofNullable(newBox), instruction, motion);
    }

    /** This plan with another motion (null removes it; a MOVE or RESIZE plan still needs one). */
    public EditPlan withMotion(ObjectMotion newMotion) {
        return new EditPlan(category, targetObject, targetCaption, box, instruction, Optional.ofNullable(newMotion));
    }
}
