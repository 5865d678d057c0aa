package dev.brushedit.zone;

import dev.brushedit.blend.FftEdgeSmoother;
import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.MaskRefiner;
import dev.brushedit.blend.SegmentSource;
import dev.brushedit.blend.SmoothedEdit;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.blend.ZoneMode;
import dev.brushedit.core.BrushEditException;
import dev.brushedit.core.CancelledException;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.Instructor;
import dev.brushedit.edit.OfflineInstructor;
import dev.brushedit.edit.ZoneActions;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.Provenance;
import dev.brushedit.inpaint.internal.StageTimer;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.pix2pix.ZoneAction;
import dev.brushedit.segment.SamAutomaticMasks;
import dev.brushedit.segment.SamModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZONE (CVPR 2024, "Zero-Shot Instruction-Guided Local Editing", github lsl001006/ZONE) as one
 * pipeline, in the order of ZONE's {@code inference.py}:
 * <ol>
 *   <li>the {@link Instructor} plans the instruction and its category gives the {@link ZoneAction}
 *       ({@link ZoneActions#of}: ADDITION is ADD, REMOVE is REMOVE, LOCAL and GLOBAL are CHANGE); an
 *       instruction whose action cannot be determined is refused with an
 *       {@link InvalidInputException} before any model runs;</li>
 *   <li>the {@link LocalisedEditor} (by default {@link FusedInstructPix2Pix#editAndLocalise}: InstructPix2Pix
 *       fused with MagicBrush) edits the whole image with the instruction and returns ZONE's coarse
 *       mask from the cross-attention;</li>
 *   <li>the {@link SegmentSource} (by default {@link SamAutomaticMasks}) proposes segments of the
 *       edited image, or of the source for REMOVE (the object to remove is in the source);</li>
 *   <li>the {@link MaskRefiner} picks the fine mask (Region-IoU);</li>
 *   <li>the fine mask is dilated {@link Builder#dilateIterations} times with a 3x3 square (default 4,
 *       ZONE's {@code --dilate_strength});</li>
 *   <li>the {@link ZoneCompositor} pastes the edit by action (ZONE's rule: the fine mask for ADD and
 *       CHANGE, the dilated mask for REMOVE);</li>
 *   <li>the {@link FftEdgeSmoother} blends the edited image into the source around the fine mask
 *       (with the same dilation): the final image, as ZONE's {@code _fft} output.</li>
 * </ol>
 * Every stage is replaceable through the builder and every intermediate is in the {@link ZoneResult}.
 *
 * <p>{@link Builder#mode} chooses the defaults of the refiner and the smoother:
 * {@link ZoneMode#CORRECTED} (default) or {@link ZoneMode#REFERENCE}, which with ZONE's other
 * defaults reproduces ZONE's post-processing pixel for pixel (refiner without hole filling, smoother
 * with ZONE's quirks). ZONE's brightness step is left out (its default factor 1 changes nothing).
 *
 * <pre>{@code
 * try (FusedInstructPix2Pix fused = FusedInstructPix2Pix.builder().checkpoint(ip2p).magicBrush(mb).build();
 *         SamModel sam = SamModel.open(samFolder)) {
 *     ZoneEditor zone = ZoneEditor.builder().fused(fused).sam(sam).build();
 *     RgbImage out = zone.edit(image, "make the dog a golden statue").image();
 * }
 * }</pre>
 *
 * <p>The editor does not own its models: close them when done.
 *
 * <p>Thread-safety: safe for concurrent use when its stages are (the shipped ones are).
 */
public final class ZoneEditor {
    /** The backend name recorded in the result's provenance. */
    public static final String BACKEND = "zone";

    private static final Logger LOG = LoggerFactory.getLogger(ZoneEditor.class);

    private final Instructor instructor;
    private final Function<EditPlan, ZoneAction> actions;
    private final LocalisedEditor editor;
    private final Pix2PixRequest request;
    private final SegmentSource segments;
    private final MaskRefiner refiner;
    private final int dilateIterations;
    private final ZoneCompositor compositor;
    private final FftEdgeSmoother smoother;
    private final ZoneMode mode;
    /** The builder's settings as given (null where a default was resolved), for {@link #toBuilder()}. */
    private final Builder given;

    private ZoneEditor(Builder b, MaskRefiner refiner, FftEdgeSmoother smoother, Pix2PixRequest request) {
        this.given = b.copy();
        this.instructor = b.instructor;
        this.actions = b.actions;
        this.editor = b.editor;
        this.request = request;
        this.segments = b.segments;
        this.refiner = refiner;
        this.dilateIterations = b.dilateIterations;
        this.compositor = b.compositor;
        this.smoother = smoother;
        this.mode = b.mode;
    }

    /** A builder; the localised editor and the segment source are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this editor's stages and settings as they were given: a default refiner,
     * smoother or request is resolved again at {@link Builder#build()} (so a new mode or dilation
     * reaches them).
     */
    public Builder toBuilder() {
        return given.copy();
    }

    /** The request every edit starts from (its instruction is replaced by the edit's). */
    public Pix2PixRequest request() {
        return request;
    }

    /** The mask refiner. */
    public MaskRefiner refiner() {
        return refiner;
    }

    /** The edge smoother. */
    public FftEdgeSmoother smoother() {
        return smoother;
    }

    /** The number of 3x3 dilations of the fine mask. */
    public int dilateIterations() {
        return dilateIterations;
    }

    /**
     * Plans {@code instruction} with the instructor.
     *
     * @throws InvalidInputException for an empty or unsupported instruction
     */
    public EditPlan plan(RgbImage image, String instruction) {
        return Instructor.planChecked(instructor, image, instruction);
    }

    /**
     * The action for {@code plan}.
     *
     * @throws InvalidInputException when it cannot be determined (e.g. a BACKGROUND or MOVE plan)
     */
    public ZoneAction action(EditPlan plan) {
        Checks.notNull("plan", plan);
        ZoneAction action = actions.apply(plan);
        if (action == null) {
            throw new InvalidInputException("the action of \"" + plan.instruction() + "\" cannot be determined for ZONE (the "
                    + "action stage returned none); expected ADD, REMOVE or CHANGE");
        }
        return action;
    }

    /** Edits {@code image} as {@code instruction} says. */
    public ZoneResult edit(RgbImage image, String instruction) {
        return edit(image, instruction, ProgressListener.NONE, null);
    }

    /**
     * Edits {@code image} as {@code instruction} says, reporting denoising steps to {@code listener}
     * and stopping with a {@link CancelledException} once {@code cancel} (nullable) is cancelled.
     */
    public ZoneResult edit(RgbImage image, String instruction, ProgressListener listener, CancellationToken cancel) {
        EditPlan plan = plan(image, instruction);
        return edit(image, plan, request.toBuilder().instruction(instruction).build(), listener, cancel);
    }

    /**
     * Edits {@code image} following {@code plan} (possibly corrected by the caller) with
     * {@code request}, whose instruction is what the models read (the plan's instruction when
     * blank).
     *
     * @throws InvalidInputException when the plan's action cannot be determined, before any work
     */
    public ZoneResult edit(RgbImage image, EditPlan plan, Pix2PixRequest request, ProgressListener listener,
            CancellationToken cancel) {
        Checks.notNull("image", image);
        Checks.notNull("request", request);
        Checks.notNull("listener", listener);
        ZoneAction action = action(plan);
        Pix2PixRequest used = request;
        if (request.instruction().isBlank()) {
            Checks.notBlank("the plan's instruction", plan.instruction());
            used = request.toBuilder().instruction(plan.instruction()).build();
        }
        LOG.debug("ZONE {} \"{}\"", action, used.instruction());
        FusedInstructPix2Pix.Localised localised = editor.edit(image, used, action, listener, cancel);
        if (localised == null) {
            throw new BrushEditException("the localised editor returned no result");
        }
        RgbImage edited = localised.edit().image();
        Mask coarse = localised.coarseMask();
        if (edited.width() != image.width() || edited.height() != image.height()) {
            throw new BrushEditException("the localised editor must return a " + image.width() + "x" + image.height()
                    + " image, returned " + edited);
        }
        coarse.requireSameSize(image);
        StageTimer timer = new StageTimer();
        CancellationToken.throwIfCancelled(cancel, "ZONE edit", "segmentation");
        RgbImage segmented = action == ZoneAction.REMOVE ? image : edited;
        List<Mask> candidates = timer.time("segment", () -> segments.segments(segmented));
        if (candidates == null) {
            throw new BrushEditException("the segment source returned null; it must return a list, possibly empty");
        }
        Mask fine = timer.time("refine", () -> refiner.refine(coarse, candidates));
        Mask dilated = timer.time("dilate", () -> dilateIterations == 0 ? fine
                : MaskOps.dilate(fine, StructuringElement.square(3), dilateIterations));
        RgbImage composite = timer.time("composite", () -> compositor.composite(image, edited, fine, dilated, action));
        if (composite == null || composite.width() != image.width() || composite.height() != image.height()) {
            throw new BrushEditException("the compositor must return a " + image.width() + "x" + image.height() + " image, returned "
                    + composite);
        }
        CancellationToken.throwIfCancelled(cancel, "ZONE edit", "edge smoothing");
        SmoothedEdit smoothed = timer.time("smooth", () -> smoother.smooth(image, edited, fine));
        return new ZoneResult(plan, action, localised.edit(), coarse, candidates, fine, dilated, composite, smoothed,
                provenance(localised.edit(), timer.stages()));
    }

    private Provenance provenance(InpaintResult edit, Map<String, Duration> stages) {
        Provenance p = edit.provenance();
        Map<String, Duration> timings = new LinkedHashMap<>(p.stageTimings());
        timings.putAll(stages);
        Map<String, String> settings = new LinkedHashMap<>(p.settings());
        settings.put("editBackend", p.backend());
        settings.put("dilateIterations", Integer.toString(dilateIterations));
        settings.put("zoneMode", mode.name());
        return new Provenance(BACKEND, p.modelHashes(), p.scheduler(), p.schedulerConfig(), p.request(), p.workRegion(), timings,
                p.createdAt(), settings);
    }

    /**
     * Builds {@link ZoneEditor}s; every setter validates at once.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private Instructor instructor = OfflineInstructor.create();
        private Function<EditPlan, ZoneAction> actions = ZoneActions::of;
        private LocalisedEditor editor;
        private Pix2PixRequest request;
        private Pix2PixRequest fusedDefaults;
        private SegmentSource segments;
        private MaskRefiner refiner;
        private int dilateIterations = 4;
        private ZoneCompositor compositor = ZoneCompositor.BY_ACTION;
        private FftEdgeSmoother smoother;
        private ZoneMode mode = ZoneMode.CORRECTED;

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.instructor = instructor;
            b.actions = actions;
            b.editor = editor;
            b.request = request;
            b.fusedDefaults = fusedDefaults;
            b.segments = segments;
            b.refiner = refiner;
            b.dilateIterations = dilateIterations;
            b.compositor = compositor;
            b.smoother = smoother;
            b.mode = mode;
            return b;
        }

        /** The instructor (default {@link OfflineInstructor#create()}). */
        public Builder instructor(Instructor instructor) {
            this.instructor = Checks.notNull("instructor", instructor);
            return this;
        }

        /** The plan-to-action stage (default {@link ZoneActions#of}). */
        public Builder actions(Function<EditPlan, ZoneAction> actions) {
            this.actions = Checks.notNull("actions", actions);
            return this;
        }

        /**
         * The fused InstructPix2Pix / MagicBrush model as the localised editor (its
         * {@link FusedInstructPix2Pix#editAndLocalise}); its defaults become the request unless
         * {@link #request} is set. Not closed by the editor.
         */
        public Builder fused(FusedInstructPix2Pix fused) {
            Checks.notNull("fused", fused);
            this.editor = fused::editAndLocalise;
            this.fusedDefaults = fused.defaults();
            return this;
        }

        /** Any localised editor (replaces {@link #fused}). */
        public Builder localisedEditor(LocalisedEditor editor) {
            this.editor = Checks.notNull("localisedEditor", editor);
            this.fusedDefaults = null;
            return this;
        }

        /**
         * The request every edit starts from (default: the fused model's defaults, or
         * {@link FusedInstructPix2Pix#zoneDefaults()}).
         */
        public Builder request(Pix2PixRequest request) {
            this.request = Checks.notNull("request", request);
            return this;
        }

        /** The segment source of the refinement (required, or {@link #sam}). */
        public Builder segmentSource(SegmentSource source) {
            this.segments = Checks.notNull("segmentSource", source);
            return this;
        }

        /** SAM's automatic masks with segment-anything's defaults as the segment source. Not closed by the editor. */
        public Builder sam(SamModel sam) {
            this.segments = SamAutomaticMasks.builder(Checks.notNull("sam", sam)).build();
            return this;
        }

        /** The refiner (default: {@link MaskRefiner} in the {@link #mode}; REFERENCE without hole filling, as ZONE). */
        public Builder refiner(MaskRefiner refiner) {
            this.refiner = Checks.notNull("refiner", refiner);
            return this;
        }

        /** 3x3 dilations of the fine mask, 0..100 (default 4, ZONE's); the default smoother uses the same. */
        public Builder dilateIterations(int iterations) {
            this.dilateIterations = Checks.inRange("dilateIterations", iterations, 0, 100);
            return this;
        }

        /** The composite stage (default {@link ZoneCompositor#BY_ACTION}). */
        public Builder compositor(ZoneCompositor compositor) {
            this.compositor = Checks.notNull("compositor", compositor);
            return this;
        }

        /** The edge smoother (default: {@link FftEdgeSmoother} in the {@link #mode} with the editor's dilation). */
        public Builder smoother(FftEdgeSmoother smoother) {
            this.smoother = Checks.notNull("smoother", smoother);
            return this;
        }

        /** How the default refiner and smoother follow ZONE's code (default {@link ZoneMode#CORRECTED}). */
        public Builder mode(ZoneMode mode) {
            this.mode = Checks.notNull("mode", mode);
            return this;
        }

        /**
         * The editor.
         *
         * @throws InvalidInputException without a localised editor or a segment source
         */
        public ZoneEditor build() {
            if (editor == null) {
                throw new InvalidInputException("a ZoneEditor needs the fused models; call fused(FusedInstructPix2Pix.builder()"
                        + ".checkpoint(ip2p).magicBrush(magicBrush).build()) or localisedEditor(...)");
            }
            if (segments == null) {
                throw new InvalidInputException("a ZoneEditor needs a segment source for the fine mask; call sam(SamModel.open(folder)) "
                        + "or segmentSource(...)");
            }
            MaskRefiner r = refiner != null ? refiner
                    : MaskRefiner.builder().mode(mode).fillHoles(mode == ZoneMode.CORRECTED).build();
            FftEdgeSmoother s = smoother != null ? smoother
                    : FftEdgeSmoother.builder().mode(mode).dilateIterations(dilateIterations).build();
            Pix2PixRequest q = request != null ? request : fusedDefaults != null ? fusedDefaults : FusedInstructPix2Pix.zoneDefaults();
            return new ZoneEditor(this, r, s, q);
        }
    }
}
