package dev.brushedit.models.text;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;

/**
 * A run of prompt text with one attention weight, as {@link PromptParser} produces it; or, when
 * {@code isBreak} is true, a {@code BREAK} marker that ends the current 77-id window (its text is
 * "BREAK" and its weight 1).
 *
 * @param text the literal text (brackets and escapes already resolved), never null
 * @param weight the multiplier for the embeddings of the tokens of {@code text}; finite
 * @param isBreak whether this segment is a window break rather than text
 *
 * <p>Thread-safety: immutable.
 */
public record WeightedSegment(String text, float weight, boolean isBreak) {
    /** The text of a break marker. */
    public static final String BREAK_TEXT = "BREAK";

    /**
     * Validates the components.
     *
     * @throws InvalidInputException if {@code text} is null or {@code weight} is not finite
     */
    public WeightedSegment {
        Checks.notNull("text", text);
        Checks.finite("weight", weight);
    }

    /** A text segment (not a break). */
    public WeightedSegment(String text, float weight) {
        this(text, weight, false);
    }

    /** The marker that {@code BREAK} in a prompt produces. */
    public static WeightedSegment breakMarker() {
        return new WeightedSegment(BREAK_TEXT, 1f, true);
    }
}
