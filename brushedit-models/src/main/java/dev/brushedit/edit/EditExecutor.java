package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.ProgressListener;
import java.util.Optional;

/**
 * Carries out a planned edit on an image and its repaint mask: the inpainter (diffusion or
 * PatchMatch, see {@link #ofInpainter}) or a weight-free image operation such as a recolour, a
 * background replacement or a global colour adjustment ({@link EditExecutors#classical()}).
 *
 * <p>{@link #assess(EditPlan)} says, before any work, whether the executor can honour a plan and,
 * when it cannot, why; {@link InstructionEditor} asks it before looking for masks. An executor
 * that accepts a plan must do what the plan says, or throw; it never returns an image that ignores
 * the instruction.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface EditExecutor {

    /**
     * A short, stable name recorded in {@link EditResult#executor()} and the provenance, e.g.
     * {@code "recolour"}, {@code "background"}, {@code "adjust"} or {@code "inpainter/brushnet-fused"}.
     */
    String name();

    /** True when the executor needs no model weights (classical image processing or PatchMatch). */
    boolean weightFree();

    /** Whether this executor can honour {@code plan}; reads the plan only, does no image work. */
    Verdict assess(EditPlan plan);

    /**
     * Carries out {@code job}, whose plan this executor has accepted.
     *
     * @throws dev.brushedit.core.InvalidInputException when the plan's parameters cannot be read
     *     (naming what was understood and what was expected)
     */
    Output execute(Job job);

    /**
     * True when {@link #execute} would return an {@link Output#alpha()} for {@code plan} (an image
     * with transparency, which only PNG keeps); lets callers check their output format before any
     * work. False by default.
     */
    default boolean makesTransparent(EditPlan plan) {
        return false;
    }

    /** The executor that inpaints the repaint mask with {@code inpainter}, the caption as prompt. */
    static EditExecutor ofInpainter(dev.brushedit.inpaint.Inpainter inpainter) {
        return new InpainterExecutor(inpainter);
    }

    /**
     * Whether an executor can honour a plan.
     *
     * <p>Thread-safety: immutable.
     *
     * @param accepted true when the executor can honour the plan
     * @param reason why not (empty when accepted)
     */
    record Verdict(boolean accepted, String reason) {
        private static final Verdict ACCEPT = new Verdict(true, "");

        /** Validates that a refusal has a reason. */
        public Verdict {
            Checks.notNull("reason", reason);
            if (!accepted && reason.isBlank()) {
                throw new dev.brushedit.core.InvalidInputException("a refusing verdict needs a reason");
            }
        }

        /** The plan can be honoured. */
        public static Verdict accept() {
            return ACCEPT;
        }

        /** The plan cannot be honoured, because of {@code reason}. */
        public static Verdict refuse(String reason) {
            return new Verdict(false, Checks.notBlank("reason", reason));
        }
    }

    /**
     * One edit to carry out.
     *
     * <p>Thread-safety: immutable.
     *
     * @param image the image to edit
     * @param plan the plan the executor accepted
     * @param mask the region to change (1 = change), the image's size, from the {@link MaskPolicy}:
     *     the object for LOCAL, everything but the subject for BACKGROUND, all ones for GLOBAL
     * @param request the inpainting request (prompt = the plan's caption); classical executors only
     *     record it in the provenance
     * @param listener progress listener
     * @param cancel cancellation token, or null
     */
    record Job(RgbImage image, EditPlan plan, Mask mask, InpaintRequest request, ProgressListener listener,
            CancellationToken cancel) {
        /** Validates that the fields (but the token) are set and the mask has the image's size. */
        public Job {
            Checks.notNull("image", image);
            Checks.notNull("plan", plan);
            Checks.notNull("mask", mask).requireSameSize(image);
            Checks.notNull("request", request);
            Checks.notNull("listener", listener);
        }
    }

    /**
     * What an executor produced.
     *
     * <p>Thread-safety: immutable.
     *
     * @param result the edited image(s), the mask that decided which pixels changed, and the provenance
     *     (its backend is the executor's name for classical executors)
     * @param alpha the opacity of the edited image (1 = opaque) when the executor made parts of it
     *     transparent, e.g. "remove the background"; write it with
     *     {@link dev.brushedit.core.image.ImageFiles#writePng(RgbImage, Mask, java.nio.file.Path)}
     */
    record Output(InpaintResult result, Optional<Mask> alpha) {
        /** Validates that the fields are set. */
        public Output {
            Checks.notNull("result", result);
            Checks.notNull("alpha", alpha);
        }

        /** An output without transparency. */
        public static Output opaque(InpaintResult result) {
            return new Output(result, Optional.empty());
        }
    }
}
