package dev.brushedit.edit;

import dev.brushedit.core.InvalidInputException;
import java.util.Optional;

/**
 * A plan or instruction that the configured stages cannot honour, refused before any work: the
 * message names the category, the reason and the fix, and the fields let a front end (such as the
 * command-line tool) word the fix in its own terms.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class UnsupportedEditException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** What would make the edit possible. */
    public enum Remedy {
        /** A prompt-following diffusion inpainter: a checkpoint folder made by tools/exporter. */
        DIFFUSION_MODEL,
        /** The diffusion inpainter that is configured, instead of the weight-free executors the preference asked for. */
        DIFFUSION_EXECUTOR,
        /** An instructor backed by a multimodal language model (for instructions the grammar cannot read). */
        LANGUAGE_MODEL,
        /** The executors the default (AUTO) preference allows, instead of the narrower preference asked for. */
        AUTO_EXECUTOR
    }

    private final EditCategory category;
    private final String reason;
    private final Remedy remedy;

    /**
     * Creates the exception.
     *
     * @param category the refused plan's category, or null when no plan was made
     * @param reason why the configured stages cannot honour it, starting with the quoted instruction
     *     when a plan was made (no class names)
     * @param remedy what would make it possible
     * @param fix the fix in the SDK's terms, appended to the message
     */
    public UnsupportedEditException(EditCategory category, String reason, Remedy remedy, String fix) {
        super((category == null ? "" : "cannot carry out the " + category + " edit ") + reason + "; " + fix);
        this.category = category;
        this.reason = reason;
        this.remedy = remedy;
    }

    /** The refused plan's category; empty when the instruction was refused before planning. */
    public Optional<EditCategory> category() {
        return Optional.ofNullable(category);
    }

    /** Why the configured stages cannot honour the edit. */
    public String reason() {
        return reason;
    }

    /** What would make the edit possible. */
    public Remedy remedy() {
        return remedy;
    }
}
