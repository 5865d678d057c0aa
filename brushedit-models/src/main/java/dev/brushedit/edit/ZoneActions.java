package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.pix2pix.ZoneAction;

/**
 * ZONE's action for a plan, from the {@link Instructor}'s category (ZONE itself classifies the
 * instruction with a small MLP into CHANGE / ADD / REMOVE): ADDITION is ADD, REMOVE is REMOVE,
 * LOCAL and GLOBAL are CHANGE. A BACKGROUND plan has no ZONE action (ZONE edits objects or the
 * whole scene, never "everything but the subject") and is refused before any work.
 *
 * <p>Thread-safety: stateless.
 */
public final class ZoneActions {
    private ZoneActions() {}

    /**
     * The action for {@code plan}.
     *
     * @throws InvalidInputException when the plan's category has no ZONE action
     */
    public static ZoneAction of(EditPlan plan) {
        Checks.notNull("plan", plan);
        switch (plan.category()) {
            case ADDITION:
                return ZoneAction.ADD;
            case REMOVE:
                return ZoneAction.REMOVE;
            case LOCAL:
            case GLOBAL:
                return ZoneAction.CHANGE;
            default:
                throw new InvalidInputException("the action of \"" + plan.instruction() + "\" cannot be determined for ZONE: it "
                        + "was planned as a " + plan.category() + " edit, and ZONE only adds, removes or changes (expected an "
                        + "instruction such as \"add a hat\", \"remove the dog\" or \"make the car red\")");
        }
    }
}
