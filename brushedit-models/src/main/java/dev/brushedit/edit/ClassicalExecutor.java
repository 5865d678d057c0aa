package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;

/**
 * What the weight-free executors share: a name, one category they handle, and an assessment that
 * reads the plan with {@link #check(EditPlan)} and turns its complaint into the refusal's reason.
 */
abstract class ClassicalExecutor implements EditExecutor {
    private final String name;
    private final EditCategory category;
    private final String does;

    /**
     * @param does what the executor does, for refusals, e.g. "recolours an object"
     */
    ClassicalExecutor(String name, EditCategory category, String does) {
        this.name = name;
        this.category = category;
        this.does = does;
    }

    /** The one category this executor handles. */
    final EditCategory category() {
        return category;
    }

    /**
     * Reads {@code plan} (of this executor's category) as {@link #execute} will.
     *
     * @throws InvalidInputException naming what was understood and what was expected
     */
    abstract void check(EditPlan plan);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean weightFree() {
        return true;
    }

    @Override
    public final Verdict assess(EditPlan plan) {
        Checks.notNull("plan", plan);
        if (plan.category() != category) {
            return Verdict.refuse(does + " (" + category + " edits), not a " + plan.category() + " edit");
        }
        try {
            check(plan);
            return Verdict.accept();
        } catch (InvalidInputException e) {
            return Verdict.refuse(e.getMessage());
        }
    }

    @Override
    public final String toString() {
        return name;
    }
}
