package dev.brushedit.edit;

import java.util.List;

/**
 * The weight-free {@link EditExecutor}s that ship with the SDK.
 *
 * <p>Thread-safety: stateless; the executors are immutable.
 */
public final class EditExecutors {
    private EditExecutors() {}

    /** The classical executors, in the order the editor tries them (none yet in this revision). */
    public static List<EditExecutor> classical() {
        return List.of();
    }
}
