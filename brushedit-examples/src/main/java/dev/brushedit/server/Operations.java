package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.EditResult;
import dev.brushedit.edit.ExecutorPreference;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.edit.MaskPolicy;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.edit.ObjectNotFoundException;
import dev.brushedit.edit.UnsupportedEditException;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What each endpoint does. Each {@code prepare} method reads and checks the request on the calling
 * (HTTP) thread, refusing with a 4xx before any work what this server cannot honour, and returns the
 * work to queue; {@link #plan} is answered at once. All requests share the one inpainter and
 * editor given at construction.
 *
 * <p>Thread-safety: thread-safe; the shared stages are.
 */
final class Operations {
    static final Set<String> INPAINT_FIELDS = Set.of("image", "mask", "prompt", "negativePrompt", "seed", "steps", "guidance");
    static final Set<String> EDIT_FIELDS = Set.of("image", "instruction", "plan", "mask", "objectMask", "box", "boxMask", "executor", "seed",
            "steps", "guidance");
    static final Set<String> SEGMENT_FIELDS = Set.of("image", "object");
    static final Set<String> PLAN_FIELDS = Set.of("image", "instruction");

    private final Inpainter inpainter;
    private final InpaintRequest defaults;
    private final MaskSource segmenter;
    private final InputLimits limits;
    private final InstructionEditor editor;
    private final InstructionEditor segmentingEditor;

    Operations(Inpainter inpainter, InpaintRequest defaults, InstructionEditor editor, MaskSource segmenter, InputLimits limits) {
        this.inpainter = inpainter;
        this.defaults = defaults;
        this.segmenter = segmenter;
        this.limits = limits;
        this.editor = editor;
        this.segmentingEditor = segmenter == null ? editor : editor.toBuilder().maskSource(segmenter).build();
    }

    Inpainter inpainter() {
        return inpainter;
    }

    boolean canSegment() {
        return segmenter != null;
    }

    InputLimits limits() {
        return limits;
    }

    Function<Job, ObjectNode> inpaint(Fields f) {
        RgbImage image = image(f);
        Mask mask = ImageCodec.decodeMask("mask", f.requireString("mask"), image, limits);
        if (mask.isEmpty()) {
            throw ApiException.badField("mask", "is all black; paint the region to fill white");
        }
        String prompt = f.string("prompt").orElse("");
        if (!prompt.isBlank() && !inpainter.capabilities().followsPrompt()) {
            throw ApiException.cannotHonour("prompt", "this server's inpainter (" + inpainter.backendName() + ") fills texture "
                    + "and cannot paint \"" + prompt + "\": leave prompt empty, or start the server with --model DIR");
        }
        InpaintRequest request = request(f, defaults.toBuilder().prompt(prompt)
                .negativePrompt(f.string("negativePrompt").orElse("")));
        return job -> {
            long start = System.nanoTime();
            InpaintResult result = inpainter.inpaint(image, mask, request, job.listener(), job.token());
            ObjectNode out = Fields.response();
            out.put("image", ImageCodec.png(result.image()));
            out.put("backend", result.provenance().backend());
            out.put("elapsedMs", (System.nanoTime() - start) / 1_000_000);
            return out;
        };
    }

    Function<Job, ObjectNode> edit(Fields f) {
        RgbImage image = image(f);
        String instruction = f.string("instruction").orElse("");
        EditPlan plan = f.object("plan", PlanJson.FIELDS).map(p -> PlanJson.read(p, instruction)).orElseGet(() -> plan(image,
                instruction(f)));
        ExecutorPreference preference = executor(f);
        if (preference == ExecutorPreference.DIFFUSION && !inpainter.capabilities().followsPrompt()) {
            throw ApiException.cannotHonour("executor", "executor \"diffusion\" needs a diffusion model: start the server with "
                    + "--model DIR");
        }
        refuseUnsupported(plan, preference, f.has("plan") ? "plan" : "instruction");
        Optional<Mask> mask = optionalMask(f, "mask", image);
        Optional<Mask> objectMask = optionalMask(f, "objectMask", image);
        Optional<Box> box = f.box("box");
        boolean objectInBox = boxMask(f, box.isPresent());
        boolean needsObject = mask.isEmpty() && objectMask.isEmpty() && MaskPolicy.needsObjectMask(plan.category());
        if (needsObject && box.isEmpty() && segmenter == null) {
            throw ApiException.cannotHonour("objectMask", "the " + plan.category() + " edit needs the mask of \""
                    + plan.targetObject() + "\": send objectMask (white = the object), mask (white = the region to repaint) "
                    + "or box, or start the server with --segment-models DIR");
        }
        EditOverrides.Builder overrides = EditOverrides.builder().plan(plan).executor(preference)
                .request(request(f, editor.request().toBuilder()));
        mask.ifPresent(overrides::mask);
        objectMask.ifPresent(overrides::objectMask);
        box.ifPresent(overrides::box);
        boolean boxIsTheObject = needsObject && box.isPresent();
        return job -> {
            long start = System.nanoTime();
            String usedBoxMask = boxIsTheObject ? objectInBox(image, box.get(), objectInBox, overrides) : null;
            EditResult result = segmentingEditor.edit(image, instruction, overrides.build(), job.listener(), job.token());
            ObjectNode out = Fields.response();
            if (usedBoxMask != null) {
                out.put("boxMask", usedBoxMask);
            }
            out.set("plan", PlanJson.write(result.plan()));
            out.put("executor", result.executor());
            out.put("image", result.alpha().map(a -> ImageCodec.png(result.image(), a)).orElseGet(() -> ImageCodec.png(result.image())));
            out.put("transparent", result.alpha().isPresent());
            out.put("mask", ImageCodec.png(result.mask()));
            out.put("elapsedMs", (System.nanoTime() - start) / 1_000_000);
            return out;
        };
    }

    Function<Job, ObjectNode> segment(Fields f) {
        RgbImage image = image(f);
        String object = f.requireString("object").strip();
        if (object.isEmpty()) {
            throw ApiException.badField("object", "is empty; name the object to find, e.g. \"dog\"");
        }
        if (segmenter == null) {
            throw ApiException.cannotHonour(null, "this server has no segmentation models: start it with --segment-models DIR");
        }
        EditPlan plan = new EditPlan(EditCategory.LOCAL, object, object, Optional.empty(), "segment " + object);
        return job -> {
            Mask mask;
            try {
                mask = segmenter.mask(image, plan);
            } catch (ObjectNotFoundException e) {
                mask = null;
            }
            if (mask == null || mask.isEmpty()) {
                throw ApiException.cannotHonour("object", "nothing was found for \"" + object + "\"; name the object "
                        + "differently");
            }
            ObjectNode out = Fields.response();
            out.put("mask", ImageCodec.png(mask));
            out.put("area", mask.area());
            out.set("box", PlanJson.box(mask.boundingBox()));
            return out;
        };
    }

    /** The plan of an instruction and the executor that would carry it out, or why none can. */
    ObjectNode plan(Fields f) {
        RgbImage image = image(f);
        EditPlan plan = plan(image, instruction(f));
        ObjectNode out = Fields.response();
        out.set("plan", PlanJson.write(plan));
        try {
            out.put("executor", editor.executorFor(plan, editor.executorPreference()).name());
            out.putNull("refusal");
        } catch (UnsupportedEditException e) {
            out.putNull("executor");
            out.put("refusal", Errors.refusal(e).getMessage());
        }
        return out;
    }

    private RgbImage image(Fields f) {
        return ImageCodec.decode("image", f.requireString("image"), limits);
    }

    private static String instruction(Fields f) {
        String text = f.requireString("instruction");
        if (text.isBlank()) {
            throw ApiException.badField("instruction", "is empty; say what to do, e.g. \"remove the dog\"");
        }
        return text;
    }

    private EditPlan plan(RgbImage image, String instruction) {
        try {
            return editor.plan(image, instruction);
        } catch (UnsupportedEditException e) {
            throw Errors.refusal(e);
        } catch (InvalidInputException e) {
            throw ApiException.cannotHonour("instruction", e.getMessage());
        }
    }

    private void refuseUnsupported(EditPlan plan, ExecutorPreference preference, String field) {
        try {
            editor.executorFor(plan, preference);
        } catch (UnsupportedEditException e) {
            throw Errors.refusal(e, field);
        }
    }

    private Optional<Mask> optionalMask(Fields f, String field, RgbImage image) {
        return f.string(field).map(text -> ImageCodec.decodeMask(field, text, image, limits));
    }

    /** The boxMask field: true for "object" (the default), false for "rect"; refused without a box. */
    private static boolean boxMask(Fields f, boolean hasBox) {
        Optional<String> text = f.string("boxMask");
        if (text.isPresent() && !hasBox) {
            throw ApiException.badField("boxMask", "needs a box: send box [x0, y0, x1, y1] with it, or leave boxMask out");
        }
        String value = text.orElse("object").strip();
        if (!value.equals("object") && !value.equals("rect")) {
            throw ApiException.badField("boxMask", "must be object or rect, was " + text.get());
        }
        return value.equals("object");
    }

    /**
     * For an edit of an object given by a box: sets the object GrabCut finds inside the box as the object
     * mask when asked and found, and says which mask was used ("object", "rect", or "rect" with the reason
     * GrabCut could not be used).
     */
    private static String objectInBox(RgbImage image, Box box, boolean objectInBox, EditOverrides.Builder overrides) {
        Box clamped = box.clampTo(image.width(), image.height());
        if (!objectInBox) {
            return "rect";
        }
        if (clamped.area() == image.pixelCount()) {
            return "rect: the box covers the whole image, so there is no background to tell the object from";
        }
        Optional<Mask> object = MaskSource.ofBoxObject(clamped).object(image);
        if (object.isEmpty()) {
            return "rect: GrabCut found no object inside the box";
        }
        overrides.objectMask(object.get());
        return "object";
    }

    private static ExecutorPreference executor(Fields f) {
        String text = f.string("executor").orElse("auto");
        return ExecutorPreference.named(text.strip())
                .orElseThrow(() -> ApiException.badField("executor", "must be auto, diffusion or classical, was " + text));
    }

    /** The request fields seed, steps and guidance over {@code base}. */
    private static InpaintRequest request(Fields f, InpaintRequest.Builder base) {
        f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).ifPresent(base::seed);
        set(f, "steps", () -> f.integer("steps", 1, 1000).ifPresent(s -> base.steps(s.intValue())));
        set(f, "guidance", () -> f.number("guidance").ifPresent(base::guidanceScale));
        try {
            return base.build();
        } catch (InvalidInputException e) {
            throw new ApiException(400, null, e.getMessage(), e);
        }
    }

    private static void set(Fields f, String field, Runnable setter) {
        try {
            setter.run();
        } catch (InvalidInputException e) {
            throw ApiException.badField(field, e.getMessage());
        }
    }
}
