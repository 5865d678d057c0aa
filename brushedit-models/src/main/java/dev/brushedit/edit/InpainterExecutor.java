package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.inpaint.Inpainter;

/**
 * The {@link EditExecutor} that inpaints the repaint mask with an {@link Inpainter}, the plan's
 * caption as the prompt. It does not own the inpainter.
 *
 * <p>Thread-safety: safe for concurrent use when the inpainter is.
 */
final class InpainterExecutor implements EditExecutor {
    /** The prefix of this executor's name, before the backend's name. */
    static final String PREFIX = "inpainter/";

    private final Inpainter inpainter;

    InpainterExecutor(Inpainter inpainter) {
        this.inpainter = Checks.notNull("inpainter", inpainter);
    }

    Inpainter inpainter() {
        return inpainter;
    }

    @Override
    public String name() {
        return PREFIX + inpainter.backendName();
    }

    @Override
    public boolean weightFree() {
        return "patchmatch".equals(inpainter.backendName());
    }

    @Override
    public Verdict assess(EditPlan plan) {
        Checks.notNull("plan", plan);
        return Verdict.accept();
    }

    @Override
    public Output execute(Job job) {
        return Output.opaque(inpainter.inpaint(job.image(), job.mask(), job.request(), job.listener(), job.cancel()));
    }

    @Override
    public String toString() {
        return name();
    }
}
