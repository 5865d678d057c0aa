package dev.brushedit.edit;

/**
 * The kinds of edit BrushEdit distinguishes; each has its own mask policy (see
 * {@link InstructionEditor}).
 *
 * <p>Thread-safety: immutable.
 */
public enum EditCategory {
    /** Add an object that is not in the image ("add a hat on the dog"): mask = the planned box. */
    ADDITION,
    /** Remove an object ("remove the dog"): mask = the object's mask, dilated. */
    REMOVE,
    /** Change an object's appearance or replace it ("make the car red"): mask = the object's mask. */
    LOCAL,
    /** Change the whole image ("make it winter"): mask = everything, lower preservation scale. */
    GLOBAL,
    /** Change the background ("put it on a beach"): mask = everything but the foreground object(s). */
    BACKGROUND,
    /**
     * Move an object ("move the cup to the left"): the object is lifted, its old place filled, and it
     * is pasted at the plan's {@link EditPlan#motion()} offset (see
     * {@link dev.brushedit.edit.structure.StructuralEditor}).
     */
    MOVE,
    /** Change an object's size ("make the dog bigger"): as MOVE, with the plan's scale factor. */
    RESIZE
}
