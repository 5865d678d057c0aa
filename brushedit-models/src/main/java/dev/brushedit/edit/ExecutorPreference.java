package dev.brushedit.edit;

import java.util.Locale;
import java.util.Optional;

/**
 * Which kind of {@link EditExecutor} an {@link InstructionEditor} runs.
 *
 * <p>Thread-safety: immutable.
 */
public enum ExecutorPreference {
    /**
     * The diffusion inpainter when one is configured; otherwise the first weight-free executor that
     * accepts the plan, then the weight-free inpainter (PatchMatch).
     */
    AUTO,
    /** The inpainter only; an editor whose inpainter is PatchMatch refuses (it follows no prompt). */
    DIFFUSION,
    /** The first weight-free executor that accepts the plan; refuses, with each one's reason, when none does. */
    CLASSICAL;

    /**
     * The preference whose name is {@code name} in any case ({@code auto}, {@code diffusion},
     * {@code classical}), as command lines and request fields spell it; empty for null or any other
     * text (surrounding white space included).
     */
    public static Optional<ExecutorPreference> named(String name) {
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (ExecutorPreference p : values()) {
                if (p.name().toLowerCase(Locale.ROOT).equals(lower)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
