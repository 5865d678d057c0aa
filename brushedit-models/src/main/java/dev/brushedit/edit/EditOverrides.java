package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import java.util.Optional;

/**
 * Corrections for one edit, as BrushEdit's interactive editing allows: a plan to use instead of
 * asking the instructor (build it from a previous {@link EditResult#plan()} with
 * {@code withCategory}, {@code withTargetCaption}...), an object mask to use instead of asking the
 * mask source (the category's mask policy still applies: REMOVE dilates it, BACKGROUND inverts it),
 * a repaint mask to use instead of the mask policy (1 = repaint; used as given), and an inpainting
 * request to start from instead of the editor's (its prompt is still replaced by the plan's
 * caption), the {@link ExecutorPreference} to use instead of the editor's, and a box the user drew
 * (where an addition goes, or the object's box; see {@link #box()}). An object mask and a
 * repaint mask exclude each other.
 *
 * <p>Thread-safety: immutable.
 */
public final class EditOverrides {
    private static final EditOverrides NONE = builder().build();

    private final EditPlan plan;
    private final Mask objectMask;
    private final Mask mask;
    private final InpaintRequest request;
    private final ExecutorPreference executor;
    private final Box box;
    private final RgbImage reference;

    private EditOverrides(Builder b) {
        this.box = b.box;
        this.reference = b.reference;
        this.plan = b.plan;
        this.objectMask = b.objectMask;
        this.mask = b.mask;
        this.request = b.request;
        this.executor = b.executor;
    }

    /** No overrides. */
    public static EditOverrides none() {
        return NONE;
    }

    /** A builder with no overrides set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these overrides. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.plan = plan;
        b.objectMask = objectMask;
        b.mask = mask;
        b.request = request;
        b.executor = executor;
        b.box = box;
        b.reference = reference;
        return b;
    }

    /**
     * The reference image the edited region should imitate ("make the bag look like the reference"),
     * run by the editor's {@link dev.brushedit.reference.ReferenceInpainter} instead of its inpainter.
     */
    public Optional<RgbImage> reference() {
        return Optional.ofNullable(reference);
    }

    /** The plan to use instead of the instructor's. */
    public Optional<EditPlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** The target object's mask to use instead of the mask source's. */
    public Optional<Mask> objectMask() {
        return Optional.ofNullable(objectMask);
    }

    /** The repaint mask to use instead of the mask policy's. */
    public Optional<Mask> mask() {
        return Optional.ofNullable(mask);
    }

    /** The inpainting request to start from instead of the editor's. */
    public Optional<InpaintRequest> request() {
        return Optional.ofNullable(request);
    }

    /**
     * The box the user gave, in image pixels: where an ADDITION goes (replacing the instructor's
     * placement), and for REMOVE, LOCAL and BACKGROUND edits the target object's box, used as its
     * mask when neither an object mask nor a repaint mask is given.
     */
    public Optional<Box> box() {
        return Optional.ofNullable(box);
    }

    /** The executor preference to use instead of the editor's. */
    public Optional<ExecutorPreference> executor() {
        return Optional.ofNullable(executor);
    }

    @Override
    public String toString() {
        return "EditOverrides[plan=" + plan + ", objectMask=" + objectMask + ", mask=" + mask + ", request=" + (request != null)
                + ", executor=" + executor + ", box=" + box
                + ", reference=" + (reference == null ? "none" : reference.width() + "x" + reference.height()) + "]";
    }

    /**
     * Builds {@link EditOverrides}; setters reject null, {@code clear*} methods drop a value, and
     * {@link #build()} rejects an object mask together with a repaint mask.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private EditPlan plan;
        private Mask objectMask;
        private Mask mask;
        private InpaintRequest request;
        private ExecutorPreference executor;
        private Box box;
        private RgbImage reference;

        private Builder() {}

        /**
         * Use {@code box} (image pixels, clamped to the image) as where an ADDITION goes, and as the
         * target object's box for the other categories that need one (see {@link EditOverrides#box()}).
         */
        public Builder box(Box box) {
            this.box = Checks.notNull("box", box);
            return this;
        }

        /** Drops the box override. */
        public Builder clearBox() {
            this.box = null;
            return this;
        }

        /** Use {@code objectMask} (1 = the object) instead of the mask source; the mask policy still applies. */
        public Builder objectMask(Mask objectMask) {
            this.objectMask = Checks.notNull("objectMask", objectMask);
            return this;
        }

        /** Drops the object mask override. */
        public Builder clearObjectMask() {
            this.objectMask = null;
            return this;
        }

        /** Use {@code plan} instead of asking the instructor. */
        public Builder plan(EditPlan plan) {
            this.plan = Checks.notNull("plan", plan);
            return this;
        }

        /** Use {@code mask} (1 = repaint) instead of the mask policy; it must match the image's size. */
        public Builder mask(Mask mask) {
            this.mask = Checks.notNull("mask", mask);
            return this;
        }

        /** Start from {@code request} (seed, steps, scales...) instead of the editor's request. */
        public Builder request(InpaintRequest request) {
            this.request = Checks.notNull("request", request);
            return this;
        }

        /** Run the executor {@code preference} picks instead of the editor's preference. */
        public Builder executor(ExecutorPreference preference) {
            this.executor = Checks.notNull("executor", preference);
            return this;
        }

        /** Drops the executor preference override. */
        public Builder clearExecutor() {
            this.executor = null;
            return this;
        }

        /** Drops the plan override. */
        public Builder clearPlan() {
            this.plan = null;
            return this;
        }

        /** Drops the mask override. */
        public Builder clearMask() {
            this.mask = null;
            return this;
        }

        /**
         * Fill the edit mask by imitating {@code reference} (MimicBrush) instead of following a prompt;
         * LOCAL, ADDITION and BACKGROUND plans only, and the editor needs a reference inpainter.
         */
        public Builder reference(RgbImage reference) {
            this.reference = Checks.notNull("reference", reference);
            return this;
        }

        /** Drops the reference image. */
        public Builder clearReference() {
            this.reference = null;
            return this;
        }

        /** Drops the request override. */
        public Builder clearRequest() {
            this.request = null;
            return this;
        }

        /** The overrides. */
        public EditOverrides build() {
            if (objectMask != null && mask != null) {
                throw new InvalidInputException("give either an object mask (the mask policy then applies) or a repaint mask "
                        + "(used as given), not both");
            }
            return new EditOverrides(this);
        }
    }
}
