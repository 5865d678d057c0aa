package dev.brushedit.edit;

import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.structure.StructuralEditResult;
import dev.brushedit.edit.structure.StructuralEditor;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.pix2pix.InstructPix2Pix;
import dev.brushedit.reference.ReferenceInpainter;
import dev.brushedit.pix2pix.Pix2PixRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instruction-guided editing (BrushEdit): an {@link Instructor} plans the edit (category, target
 * object, target caption, box), a {@link MaskSource} finds the object, the {@link MaskPolicy} turns
 * that into the region to repaint, the {@link Inpainter} repaints it with the target caption as the
 * prompt, and a {@link BlendStage} finishes the image.
 *
 * <p>Which {@link EditExecutor} carries out the plan follows the {@link ExecutorPreference}
 * (builder, or per run in {@link EditOverrides}): by default ({@code AUTO}) a diffusion inpainter
 * when one is configured, and otherwise the first registered weight-free executor that accepts the
 * plan ({@link EditExecutors#classical()}: recolour, background, global adjustments), falling back
 * to the weight-free inpainter (PatchMatch). The executor is chosen before any mask is looked for,
 * and {@link EditResult#executor()} records which one ran. The blend stage applies to inpainter
 * results only.
 *
 * <p>The editor refuses, before any work (before the mask source is asked), a plan that no allowed
 * executor can honour, with an {@link UnsupportedEditException} naming, in one sentence, the category,
 * the reason and the fix (each executor's own reason is logged at debug level): the PatchMatch inpainter ({@link dev.brushedit.inpaint.Capabilities#textureFill()})
 * honours REMOVE edits only, so without a diffusion checkpoint an ADDITION, or a LOCAL, BACKGROUND or
 * GLOBAL edit that no weight-free executor accepts, is refused rather than returned as an image that
 * ignores the instruction. A box in the {@link EditOverrides} places an ADDITION (the instructor's
 * default placement is used only without one).
 *
 * <p>Every stage is replaceable through the builder, and every intermediate can be corrected for a
 * run through {@link EditOverrides} (a plan with another category or caption, a hand-made mask, a
 * request with another seed). The stages can also be called one at a time: {@link #plan},
 * {@link #mask}, then {@link #edit(RgbImage, String, EditOverrides)} with the corrected values.
 *
 * <p>The prompt of each run is the plan's target caption; the negative prompt is the request's
 * (default {@value #DEFAULT_NEGATIVE_PROMPT}), with the removed object appended for REMOVE edits so
 * the model does not paint it back. GLOBAL edits use the policy's lower preservation scale.
 *
 * <p>MOVE and RESIZE plans go to the structural executor, a {@link StructuralEditor} over the
 * inpainter (or the one given to {@link Builder#structuralEditor}): the object's mask (from the
 * mask source, or the overrides' object mask, mask or box) is lifted with a soft matte, its old
 * place filled by the inpainter, the object pasted at the plan's motion and the seam harmonised (a
 * ring repainted by a diffusion backend; Poisson blending with PatchMatch). The result's mask is
 * every pixel that may have changed, and {@link EditResult#structural()} holds every intermediate.
 *
 * <p>GLOBAL edits go to an {@link InstructPix2Pix} editor when one is configured
 * ({@link Builder#instructPix2Pix}) and the run has no repaint-mask override: it receives the
 * instruction itself (the one given, or the plan's), its own request defaults, and the request's
 * seed when one is set; its result is recorded with backend {@value InstructPix2Pix#BACKEND}.
 * Without one, GLOBAL edits inpaint an all-ones mask with BrushNet.
 *
 * <p>The editor does not own the inpainter or the InstructPix2Pix editor: close them when done.
 *
 * <p>Thread-safety: safe for concurrent use when its stages are (the shipped ones are).
 */
public final class InstructionEditor {
    /** The default negative prompt. */
    public static final String DEFAULT_NEGATIVE_PROMPT = "ugly, low quality, blurry, distorted, watermark, text";

    private static final Logger LOG = LoggerFactory.getLogger(InstructionEditor.class);

    private final Instructor instructor;
    private final MaskSource maskSource;
    private final Inpainter inpainter;
    private final MaskPolicy policy;
    private final InpaintRequest request;
    private final BlendStage blend;
    private final InstructPix2Pix instructPix2Pix;
    private final InpainterExecutor inpainterExecutor;
    private final List<EditExecutor> executors;
    private final ExecutorPreference preference;
    private final StructuralExecutor structuralExecutor;
    private final ReferenceInpainter referenceInpainter;
    private final StructuralEditor structuralGiven;

    private InstructionEditor(Builder b) {
        this.instructPix2Pix = b.instructPix2Pix;
        this.inpainterExecutor = new InpainterExecutor(b.inpainter);
        this.structuralGiven = b.structural;
        this.structuralExecutor = new StructuralExecutor(b.structural != null ? b.structural
                : StructuralEditor.builder().inpainter(b.inpainter).build());
        this.executors = List.copyOf(b.executors);
        this.preference = b.preference;
        this.instructor = b.instructor;
        this.maskSource = b.maskSource;
        this.inpainter = b.inpainter;
        this.policy = b.policy;
        this.request = b.request;
        this.blend = b.blend;
        this.referenceInpainter = b.referenceInpainter;
    }

    /** A builder; only the inpainter must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this editor's stages and settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instructor = instructor;
        b.maskSource = maskSource;
        b.inpainter = inpainter;
        b.policy = policy;
        b.request = request;
        b.blend = blend;
        b.instructPix2Pix = instructPix2Pix;
        b.executors = new ArrayList<>(executors);
        b.preference = preference;
        b.structural = structuralGiven;
        b.referenceInpainter = referenceInpainter;
        return b;
    }

    /** The instructor. */
    public Instructor instructor() {
        return instructor;
    }

    /** The mask policy. */
    public MaskPolicy maskPolicy() {
        return policy;
    }

    /** The request every edit starts from (its prompt is replaced by the plan's caption). */
    public InpaintRequest request() {
        return request;
    }

    /** The registered executors besides the inpainter, in the order they are tried. */
    public List<EditExecutor> executors() {
        return executors;
    }

    /** The executor preference used when the overrides name none. */
    public ExecutorPreference executorPreference() {
        return preference;
    }

    /**
     * The executor that carries out {@code plan} under {@code preference} (see
     * {@link ExecutorPreference}); reads the plan only.
     *
     * @throws UnsupportedEditException when no executor allowed by the preference accepts the plan,
     *     in one sentence naming the category, the reason that matters and the fix (every
     *     executor's reason is logged at debug level)
     */
    public EditExecutor executorFor(EditPlan plan, ExecutorPreference preference) {
        Checks.notNull("plan", plan);
        Checks.notNull("preference", preference);
        boolean diffusionInpainter = !inpainterExecutor.weightFree();
        List<EditExecutor> candidates = new ArrayList<>();
        if (plan.category() == EditCategory.MOVE || plan.category() == EditCategory.RESIZE) {
            if (preference == ExecutorPreference.AUTO
                    || (preference == ExecutorPreference.DIFFUSION) != structuralExecutor.weightFree()) {
                candidates.add(structuralExecutor);
            }
        } else {
            addCandidates(candidates, preference, diffusionInpainter);
        }
        List<EditExecutor> refusing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (EditExecutor e : candidates) {
            EditExecutor.Verdict v = e.assess(plan);
            if (v.accepted()) {
                return e;
            }
            LOG.debug("executor {} refuses the {} edit \"{}\": {}", e.name(), plan.category(), plan.instruction(), v.reason());
            refusing.add(e);
            reasons.add(v.reason());
        }
        throw refusal(plan, preference, refusing, reasons);
    }

    private void addCandidates(List<EditExecutor> candidates, ExecutorPreference preference, boolean diffusionInpainter) {
        switch (preference) {
            case AUTO:
                if (diffusionInpainter) {
                    candidates.add(inpainterExecutor);
                } else {
                    candidates.addAll(executors);
                    candidates.add(inpainterExecutor);
                }
                break;
            case DIFFUSION:
                if (diffusionInpainter) {
                    candidates.add(inpainterExecutor);
                }
                executors.stream().filter(e -> !e.weightFree()).forEach(candidates::add);
                break;
            case CLASSICAL:
                executors.stream().filter(EditExecutor::weightFree).forEach(candidates::add);
                break;
            default:
                throw new IllegalStateException("unknown preference " + preference);
        }
    }

    /**
     * The refusal of a plan no allowed executor accepts, in one sentence: the category, the plan, the
     * one reason that matters and the fix. The reason is that of the first refusing executor that
     * handles the plan's category (a weight-free executor of another category says only that it
     * does not), else the inpainter's; every executor's reason is logged at debug level. Without a
     * prompt-following inpainter the fix is a diffusion checkpoint; with one (a CLASSICAL
     * preference) it is another preference.
     */
    private UnsupportedEditException refusal(EditPlan plan, ExecutorPreference preference, List<EditExecutor> refusing,
            List<String> reasons) {
        String what = "\"" + plan.instruction() + "\" (\"" + plan.targetObject() + "\" -> \"" + plan.targetCaption() + "\")";
        String reason;
        if (refusing.isEmpty()) {
            reason = preference == ExecutorPreference.DIFFUSION
                    ? what + ": a diffusion executor was asked for, but no diffusion model is configured"
                    : what + ": a weight-free executor was asked for, but none is registered";
        } else {
            int primary = primaryReason(plan, refusing);
            EditExecutor shown = primary >= 0 ? refusing.get(primary) : null;
            reason = what + ": " + (shown != null ? (shown == inpainterExecutor ? "" : shown.name() + ": ") + reasons.get(primary)
                    : "no allowed executor does " + plan.category() + " edits (" + onlyCategories(refusing) + ")");
        }
        if (preference != ExecutorPreference.AUTO && autoAccepts(plan)) {
            return new UnsupportedEditException(plan.category(), reason, UnsupportedEditException.Remedy.AUTO_EXECUTOR,
                    "the executors of the default preference can do it: use executorPreference(ExecutorPreference.AUTO)");
        }
        if (!inpainterExecutor.capabilities().followsPrompt()) {
            String fix = plan.category() == EditCategory.GLOBAL
                    ? "configure InstructionEditor.builder().instructPix2Pix(...) with an InstructPix2Pix folder, or "
                            + ".inpainter(Inpainter.builder().checkpoint(folder)...) with a BrushNet or SD inpainting folder, "
                            + "both made by tools/exporter"
                    : "configure InstructionEditor.builder().inpainter(Inpainter.builder().checkpoint(folder)...) with a "
                            + "BrushNet or SD inpainting folder made by tools/exporter";
            return new UnsupportedEditException(plan.category(), reason, UnsupportedEditException.Remedy.DIFFUSION_MODEL, fix);
        }
        return new UnsupportedEditException(plan.category(), reason, UnsupportedEditException.Remedy.DIFFUSION_EXECUTOR,
                "the configured diffusion inpainter can do it: use executorPreference(ExecutorPreference.AUTO) or DIFFUSION");
    }

    /** True when an executor the AUTO preference allows accepts {@code plan}. */
    private boolean autoAccepts(EditPlan plan) {
        if (plan.category() == EditCategory.MOVE || plan.category() == EditCategory.RESIZE) {
            return structuralExecutor.assess(plan).accepted();
        }
        List<EditExecutor> auto = new ArrayList<>();
        addCandidates(auto, ExecutorPreference.AUTO, !inpainterExecutor.weightFree());
        return auto.stream().anyMatch(e -> e.assess(plan).accepted());
    }

    /**
     * The index of the reason to show: the first executor other than the inpainter that handles the
     * plan's category (a weight-free one of that category, or any other registered executor), else
     * the inpainter; -1 when only weight-free executors of other categories refused.
     */
    private int primaryReason(EditPlan plan, List<EditExecutor> refusing) {
        int inpainter = -1;
        for (int i = 0; i < refusing.size(); i++) {
            EditExecutor e = refusing.get(i);
            if (e == inpainterExecutor) {
                inpainter = i;
            } else if (!(e instanceof ClassicalExecutor c) || c.category() == plan.category()) {
                return i;
            }
        }
        return inpainter;
    }

    /** "recolour: LOCAL only, background: BACKGROUND only" for the weight-free executors that refused. */
    private static String onlyCategories(List<EditExecutor> refusing) {
        List<String> parts = new ArrayList<>();
        for (EditExecutor e : refusing) {
            parts.add(e.name() + (e instanceof ClassicalExecutor c ? ": " + c.category() + " only" : ""));
        }
        return String.join(", ", parts);
    }

    /**
     * Plans the edit with the instructor.
     *
     * @throws InvalidInputException for an empty or unsupported instruction
     */
    public EditPlan plan(RgbImage image, String instruction) {
        return Instructor.planChecked(instructor, image, instruction);
    }

    /**
     * The region to repaint for {@code plan}: asks the mask source for the target object when the
     * category needs it, then applies the mask policy.
     *
     * @throws ObjectNotFoundException when the object is not found
     */
    public Mask mask(RgbImage image, EditPlan plan) {
        Checks.notNull("image", image);
        Checks.notNull("plan", plan);
        Mask object = null;
        if (MaskPolicy.needsObjectMask(plan.category())) {
            object = maskSource.mask(image, plan);
            if (object == null) {
                throw new ObjectNotFoundException(plan.targetObject(), "the mask source returned no mask");
            }
        }
        return policy.editMask(image, plan, object);
    }

    /** Edits {@code image} as {@code instruction} says. */
    public EditResult edit(RgbImage image, String instruction) {
        return edit(image, instruction, EditOverrides.none());
    }

    /** Edits {@code image} as {@code instruction} says, with {@code overrides} replacing intermediates. */
    public EditResult edit(RgbImage image, String instruction, EditOverrides overrides) {
        return edit(image, instruction, overrides, ProgressListener.NONE, null);
    }

    /**
     * Edits {@code image} as {@code instruction} says, with {@code overrides} replacing
     * intermediates, reporting inpainting progress to {@code listener} and stopping with a
     * {@link dev.brushedit.core.CancelledException} once {@code cancel} (nullable) is cancelled.
     *
     * @param instruction the instruction; when the overrides hold a plan it is only recorded and may
     *     be empty
     */
    public EditResult edit(RgbImage image, String instruction, EditOverrides overrides, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("instruction", instruction);
        Checks.notNull("overrides", overrides);
        Checks.notNull("listener", listener);
        EditPlan planned = overrides.plan().orElseGet(() -> plan(image, instruction));
        Optional<Box> userBox = overrides.box().map(b -> b.clampTo(image.width(), image.height()));
        EditPlan plan = planned.category() == EditCategory.ADDITION ? userBox.map(planned::withBox).orElse(planned) : planned;
        if (overrides.reference().isPresent()) {
            ReferenceEdits.check(referenceInpainter, plan);
        }
        boolean pix2pix = overrides.reference().isEmpty() && instructPix2Pix != null && plan.category() == EditCategory.GLOBAL
                && overrides.mask().isEmpty();
        EditExecutor executor = pix2pix || overrides.reference().isPresent() ? null
                : executorFor(plan, overrides.executor().orElse(preference));
        Optional<Mask> objectMask = overrides.objectMask().or(() -> userBox.filter(b -> MaskPolicy.needsObjectMask(plan.category()))
                .map(b -> Mask.ofBox(image.width(), image.height(), b)));
        Mask mask = overrides.mask().map(m -> m.requireSameSize(image)).orElseGet(() -> objectMask
                .map(object -> policy.editMask(image, plan, object)).orElseGet(() -> mask(image, plan)));
        InpaintRequest used = requestFor(plan, overrides.request().orElse(request));
        if (overrides.reference().isPresent()) {
            InpaintResult result = ReferenceEdits.run(referenceInpainter, image, mask, plan, overrides.reference().get(), used,
                    listener, cancel);
            return new EditResult(result.image(), plan, mask, result, ReferenceEdits.EXECUTOR, Optional.empty());
        }
        if (pix2pix) {
            LOG.debug("edit GLOBAL with {}: instruction \"{}\"", InstructPix2Pix.BACKEND, instruction);
            InpaintResult result = instructPix2Pix.edit(image, pix2pixRequest(plan, instruction, used), listener, cancel);
            RgbImage out = blend.apply(image, result.image(), mask);
            if (out == null || out.width() != image.width() || out.height() != image.height()) {
                throw new BrushEditException("the blend stage " + blend.getClass().getName() + " must return a "
                        + image.width() + "x" + image.height() + " image, returned " + out);
            }
            return new EditResult(out, plan, mask, result, InstructPix2Pix.BACKEND, Optional.empty());
        }
        LOG.debug("edit {} \"{}\" with {}: prompt \"{}\", mask area {}", plan.category(), plan.targetObject(), executor.name(),
                used.prompt(), mask.area());
        EditExecutor.Job job = new EditExecutor.Job(image, plan, mask, used, listener, cancel);
        if (executor == structuralExecutor) {
            StructuralEditResult moved = structuralExecutor.apply(job);
            return new EditResult(moved.image(), plan, moved.changedMask(), structuralExecutor.asResult(moved), executor.name(),
                    Optional.empty(), Optional.of(moved));
        }
        EditExecutor.Output output = executor.execute(job);
        InpaintResult result = output.result();
        if (executor != inpainterExecutor) {
            return new EditResult(result.image(), plan, mask, result, executor.name(), output.alpha());
        }
        RgbImage out = blend.apply(image, result.image(), mask);
        if (out == null || out.width() != image.width() || out.height() != image.height()) {
            throw new BrushEditException("the blend stage " + blend.getClass().getName() + " must return a "
                    + image.width() + "x" + image.height() + " image, returned " + out);
        }
        return new EditResult(out, plan, mask, result, executor.name(), output.alpha());
    }

    /**
     * The InstructPix2Pix request for a GLOBAL plan: the call's instruction (the plan's when the call
     * gave none), the InstructPix2Pix editor's defaults, the request's seed when set.
     */
    private Pix2PixRequest pix2pixRequest(EditPlan plan, String instruction, InpaintRequest used) {
        String text = instruction.isBlank() ? plan.instruction() : instruction;
        if (text.isBlank()) {
            throw new InvalidInputException("a GLOBAL edit with InstructPix2Pix needs the instruction text; the plan and the "
                    + "call gave none");
        }
        Pix2PixRequest.Builder b = instructPix2Pix.defaults().toBuilder().instruction(text);
        used.seed().ifPresent(b::seed);
        return b.build();
    }

    /** The request for {@code plan}: caption as prompt, REMOVE target in the negative prompt, GLOBAL scale. */
    InpaintRequest requestFor(EditPlan plan, InpaintRequest base) {
        InpaintRequest.Builder b = base.toBuilder().prompt(plan.targetCaption());
        if (plan.category() == EditCategory.REMOVE) {
            String negative = base.negativePrompt();
            b.negativePrompt(negative.isBlank() ? plan.targetObject() : negative + ", " + plan.targetObject());
        }
        if (plan.category() == EditCategory.GLOBAL) {
            b.preservationScale(policy.globalPreservationScale());
        }
        return b.build();
    }

    /**
     * Builds {@link InstructionEditor}s. Setters reject null; {@link #build()} requires an inpainter.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Instructor instructor;
        private MaskSource maskSource = Builder::noMaskSource;
        private Inpainter inpainter;
        private MaskPolicy policy = MaskPolicy.defaults();
        private InpaintRequest request = InpaintRequest.builder().negativePrompt(DEFAULT_NEGATIVE_PROMPT).build();
        private BlendStage blend = BlendStage.NONE;
        private InstructPix2Pix instructPix2Pix;
        private List<EditExecutor> executors = new ArrayList<>(EditExecutors.classical());
        private ExecutorPreference preference = ExecutorPreference.AUTO;
        private StructuralEditor structural;
        private ReferenceInpainter referenceInpainter;

        private Builder() {}

        /**
         * The MimicBrush inpainter that runs edits whose overrides carry a reference image
         * ({@link EditOverrides.Builder#reference}); without one such edits are refused before any work.
         * The editor does not close it.
         */
        public Builder referenceInpainter(ReferenceInpainter referenceInpainter) {
            this.referenceInpainter = Checks.notNull("referenceInpainter", referenceInpainter);
            return this;
        }

        /** The instructor (default {@link OfflineInstructor#create()}). */
        public Builder instructor(Instructor instructor) {
            this.instructor = Checks.notNull("instructor", instructor);
            return this;
        }

        /**
         * The mask source for REMOVE, LOCAL and BACKGROUND edits (default: none, and such an edit
         * without a mask override fails with a message saying how to give one).
         */
        public Builder maskSource(MaskSource maskSource) {
            this.maskSource = Checks.notNull("maskSource", maskSource);
            return this;
        }

        /** The inpainter (required; the editor does not close it). */
        public Builder inpainter(Inpainter inpainter) {
            this.inpainter = Checks.notNull("inpainter", inpainter);
            return this;
        }

        /** The mask policy (default {@link MaskPolicy#defaults()}). */
        public Builder maskPolicy(MaskPolicy policy) {
            this.policy = Checks.notNull("maskPolicy", policy);
            return this;
        }

        /**
         * The request every edit starts from: steps, scales, seed, negative prompt... (default the
         * inpainting defaults with {@link #DEFAULT_NEGATIVE_PROMPT}); its prompt is ignored.
         */
        public Builder request(InpaintRequest request) {
            this.request = Checks.notNull("request", request);
            return this;
        }

        /**
         * An InstructPix2Pix-family editor for GLOBAL edits (default none: BrushNet with an all-ones
         * mask); the editor does not close it.
         */
        public Builder instructPix2Pix(InstructPix2Pix instructPix2Pix) {
            this.instructPix2Pix = Checks.notNull("instructPix2Pix", instructPix2Pix);
            return this;
        }

        /** The blend stage (default {@link BlendStage#NONE}: the inpainter's paste-back only). */
        public Builder blendStage(BlendStage blend) {
            this.blend = Checks.notNull("blendStage", blend);
            return this;
        }

        /**
         * The executors tried besides the inpainter, in order (default
         * {@link EditExecutors#classical()}; an empty list leaves only the inpainter).
         */
        public Builder executors(List<EditExecutor> executors) {
            Checks.notNull("executors", executors);
            List<EditExecutor> copy = new ArrayList<>();
            for (EditExecutor e : executors) {
                copy.add(Checks.notNull("executor", e));
            }
            this.executors = copy;
            return this;
        }

        /** Adds {@code executor} after the registered ones. */
        public Builder addExecutor(EditExecutor executor) {
            this.executors.add(Checks.notNull("executor", executor));
            return this;
        }

        /** Which executor runs (default {@link ExecutorPreference#AUTO}). */
        public Builder executorPreference(ExecutorPreference preference) {
            this.preference = Checks.notNull("executorPreference", preference);
            return this;
        }

        /**
         * The executor of MOVE and RESIZE plans (default: a {@link StructuralEditor} over this
         * editor's inpainter with its defaults).
         */
        public Builder structuralEditor(StructuralEditor editor) {
            this.structural = Checks.notNull("structuralEditor", editor);
            return this;
        }

        /** The editor. */
        public InstructionEditor build() {
            if (inpainter == null) {
                throw new InvalidInputException("an InstructionEditor needs an inpainter; call inpainter(Inpainter.builder()...build())");
            }
            if (instructor == null) {
                instructor = OfflineInstructor.create();
            }
            return new InstructionEditor(this);
        }

        private static Mask noMaskSource(RgbImage image, EditPlan plan) {
            throw new InvalidInputException("the " + plan.category() + " edit needs the mask of \"" + plan.targetObject()
                    + "\" but no MaskSource is configured; set one with maskSource(...) (a detector, or MaskSource.of(mask), "
                    + "ofBox(box), ofPoints(points, radius)) or pass a mask in EditOverrides");
        }
    }
}
