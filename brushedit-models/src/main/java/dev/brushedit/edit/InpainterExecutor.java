package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.inpaint.Capabilities;
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

    /**
     * Accepts a plan when the inpainter's {@link Capabilities} allow it: REMOVE always (the hole is
     * filled from its surroundings); ADDITION only when it paints new objects; LOCAL and BACKGROUND
     * only when it follows the prompt; GLOBAL only when it also repaints the whole image.
     */
    @Override
    public Verdict assess(EditPlan plan) {
        Checks.notNull("plan", plan);
        Capabilities c = inpainter.capabilities();
        String self = "the " + inpainter.backendName() + " inpainter";
        switch (plan.category()) {
            case ADDITION:
                return c.paintsNewObjects() ? Verdict.accept() : Verdict.refuse(self + " cannot paint new objects (it only "
                        + "continues the texture around the box, so \"" + plan.targetObject() + "\" would not appear)");
            case LOCAL:
                return c.followsPrompt() ? Verdict.accept() : Verdict.refuse(self + " ignores the prompt, so it would erase \""
                        + plan.targetObject() + "\" instead of changing it to \"" + plan.targetCaption() + "\"");
            case BACKGROUND:
                return c.followsPrompt() ? Verdict.accept() : Verdict.refuse(self + " ignores the prompt, so it would fill the "
                        + "background with texture copied from the image instead of \"" + plan.targetCaption() + "\"");
            case GLOBAL:
                return c.followsPrompt() && c.repaintsWholeImage() ? Verdict.accept() : Verdict.refuse(self
                        + " ignores the prompt and cannot repaint the whole image");
            case MOVE:
            case RESIZE:
                return Verdict.refuse(self + " would repaint the object's mask, not move or resize the object; "
                        + "the structural executor does that");
            default:
                return Verdict.accept();
        }
    }

    /** The inpainter's capabilities. */
    Capabilities capabilities() {
        return inpainter.capabilities();
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
