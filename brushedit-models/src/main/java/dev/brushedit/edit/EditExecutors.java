package dev.brushedit.edit;

import java.util.List;

/**
 * The weight-free {@link EditExecutor}s that ship with the SDK: {@link RecolourExecutor} (LOCAL
 * colour changes), {@link BackgroundExecutor} (plain colour, blur or transparent background) and
 * {@link AdjustExecutor} (global colour adjustments). Each accepts only the plans it can honour.
 *
 * <p>Thread-safety: stateless; the executors are immutable.
 */
public final class EditExecutors {
    private EditExecutors() {}

    /** The classical executors, in the order the editor tries them. */
    public static List<EditExecutor> classical() {
        return List.of(RecolourExecutor.create(), BackgroundExecutor.create(), AdjustExecutor.create());
    }
}
