package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.RgbImage;

/**
 * One turn of an {@link EditSession}: its input image (the previous turn's output, or the session's
 * original), the instruction, the overrides it ran with, and the result (plan, mask, output,
 * provenance).
 *
 * <p>Thread-safety: immutable.
 *
 * @param number the turn's position in the session, from 1
 * @param input the image the turn edited
 * @param instruction the instruction
 * @param overrides the overrides it ran with
 * @param result the edit's result
 */
public record EditTurn(int number, RgbImage input, String instruction, EditOverrides overrides, EditResult result) {

    /** Validates the fields. */
    public EditTurn {
        Checks.positive("number", number);
        Checks.notNull("input", input);
        Checks.notNull("instruction", instruction);
        Checks.notNull("overrides", overrides);
        Checks.notNull("result", result);
    }

    /** The turn's output image. */
    public RgbImage output() {
        return result.image();
    }
}
