package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.edit.structure.StructuralEditResult;
import dev.brushedit.edit.structure.StructuralEditor;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Provenance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link EditExecutor} of MOVE and RESIZE plans: runs a {@link StructuralEditor} on the job's
 * mask (the object's mask, see {@link MaskPolicy}) with the plan's motion. The vacated area is
 * filled with the prompt {@code "empty background"} and the object in the negative prompt; a
 * diffusion ring is repainted with the job's request (the plan's caption). Weight-free when the
 * structural editor's inpainter is PatchMatch.
 *
 * <p>Thread-safety: safe for concurrent use when the inpainter is.
 */
final class StructuralExecutor implements EditExecutor {
    /** The prefix of this executor's name, before the inpainter's backend name. */
    static final String PREFIX = "structural/";

    private final StructuralEditor editor;

    StructuralExecutor(StructuralEditor editor) {
        this.editor = Checks.notNull("editor", editor);
    }

    @Override
    public String name() {
        return PREFIX + editor.inpainter().backendName();
    }

    @Override
    public boolean weightFree() {
        return "patchmatch".equals(editor.inpainter().backendName());
    }

    @Override
    public Verdict assess(EditPlan plan) {
        Checks.notNull("plan", plan);
        if (plan.category() != EditCategory.MOVE && plan.category() != EditCategory.RESIZE) {
            return Verdict.refuse("it only moves and resizes objects, and this is a " + plan.category() + " edit");
        }
        return plan.motion().isPresent() ? Verdict.accept() : Verdict.refuse("the plan says no motion (offset or scale)");
    }

    @Override
    public Output execute(Job job) {
        return Output.opaque(asResult(apply(job)));
    }

    /** Runs the structural editor on {@code job}: every intermediate, before it is folded into an output. */
    StructuralEditResult apply(Job job) {
        EditPlan plan = job.plan();
        InpaintRequest base = job.request();
        String negative = base.negativePrompt();
        InpaintRequest fill = base.toBuilder().prompt(InstructionGrammar.REMOVE_CAPTION)
                .negativePrompt(negative.isBlank() ? plan.targetObject() : negative + ", " + plan.targetObject()).build();
        return editor.apply(job.image(), job.mask(), plan.motion().orElseThrow(), fill, base, job.listener(), job.cancel());
    }

    /**
     * The final image as an inpainting result: the changed pixels as its mask, and provenance named
     * after this executor with the fill's model hashes and request, the placement as the work
     * region, and the fill's and ring's stage times.
     */
    InpaintResult asResult(StructuralEditResult s) {
        Provenance fill = s.vacatedFill().provenance();
        Map<String, Duration> stages = new LinkedHashMap<>(fill.stageTimings());
        s.seamRepaint().ifPresent(r -> r.provenance().stageTimings().forEach((k, v) -> stages.merge("seam " + k, v, Duration::plus)));
        String region = "moved " + box(s.placement().source()) + " to " + box(s.placement().target()) + " (scale "
                + s.placement().scale() + "), seam by " + s.harmonisation();
        Provenance p = new Provenance(name(), fill.modelHashes(), fill.scheduler(), fill.schedulerConfig(), fill.request(), region,
                stages, fill.createdAt());
        return new InpaintResult(List.of(s.image()), s.changedMask(), p);
    }

    private static String box(dev.brushedit.core.image.Box b) {
        return "(" + b.x0() + "," + b.y0() + ")-(" + b.x1() + "," + b.y1() + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
