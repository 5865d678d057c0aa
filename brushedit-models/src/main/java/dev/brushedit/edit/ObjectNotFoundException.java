package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;

/**
 * A {@link MaskSource} found no pixels of the target object in the image. The message names the
 * object and suggests giving a mask by hand ({@link MaskSource#of}, {@link MaskSource#ofBox},
 * {@link MaskSource#ofPoints}).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class ObjectNotFoundException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** The object that was looked for. */
    private final String targetObject;

    /** Creates the exception for {@code targetObject}, with {@code detail} (may be empty) appended to the message. */
    public ObjectNotFoundException(String targetObject, String detail) {
        super("nothing detected for \"" + Checks.notNull("targetObject", targetObject) + "\""
                + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")")
                + "; give the mask by hand (MaskSource.of(mask), ofBox(box) or ofPoints(points, radius)) "
                + "or correct the target object");
        this.targetObject = targetObject;
    }

    /** The object that was looked for. */
    public String targetObject() {
        return targetObject;
    }
}
