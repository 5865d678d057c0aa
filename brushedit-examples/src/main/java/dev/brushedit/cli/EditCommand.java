package dev.brushedit.cli;

import dev.brushedit.core.InferenceException;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.EditResult;
import dev.brushedit.edit.ExecutorPreference;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.edit.MaskPolicy;
import dev.brushedit.edit.Instructor;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.edit.MllmException;
import dev.brushedit.edit.ObjectNotFoundException;
import dev.brushedit.edit.OfflineInstructor;
import dev.brushedit.edit.OpenAiInstructor;
import dev.brushedit.edit.UnsupportedEditException;
import dev.brushedit.edit.structure.ObjectMotion;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.pix2pix.InstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit edit}: edits an image by instruction ("remove the lamp"). The offline instructor
 * plans the edit (or a multimodal LLM with {@code --mllm-model}); the object's mask comes from
 * {@code --mask} or {@code --box} (the object GrabCut finds inside the box, or the whole box with
 * {@code --box-mask rect}; {@code --box} is also where an added object goes); the inpainter is
 * PatchMatch without {@code --model} or BrushNet with one. Without {@code --model} colour changes,
 * plain, blurred or transparent backgrounds and global colour adjustments run through the
 * weight-free executors; {@code --executor} chooses explicitly. An edit that no configured stage can
 * honour is refused before any work, with a message naming the flag that would make it possible
 * ({@code --model DIR}, {@code --mllm-model}). Prints the plan and the executor that ran, so the plan
 * can be corrected and the edit re-run, and says when an addition used the default placement.
 * Whole-image (GLOBAL) edits use InstructPix2Pix with {@code --ip2p-model}. {@code --engine zone} runs ZONE
 * instead ({@code --ip2p-model}, {@code --magicbrush-model}, {@code --segment-models}).
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit an image by an English instruction, e.g. \"remove the lamp\".")
public final class EditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTRUCTION", description = "What to do, e.g. \"remove the dog\" or \"make the car red\".")
    String instruction;

    @Option(names = {"-i", "--image"}, required = true, description = "Input image.")
    Path image;

    @Option(names = {"-o", "--output"}, required = true, description = "Output image (.png or .jpg); written atomically.")
    Path output;

    @Option(names = {"-m", "--mask"}, description = "Mask of the object the instruction names (white = object).")
    Path mask;

    @Option(names = "--box", description = "x0,y0,x1,y1 in pixels (x1, y1 exclusive): where an added object goes, "
            + "or the box of the object to remove, change, move or resize or to keep in front of a new background, "
            + "instead of a mask (see --box-mask).")
    String box;

    @Option(names = "--box-mask", defaultValue = "object", description = "The object mask --box gives an edit of an object "
            + "(remove, change, move, resize, background): object (the object inside the box, separated from its "
            + "surroundings by colour with GrabCut, no model needed; the whole box when it finds nothing there) or rect "
            + "(the whole box). An added object always fills the box. Default: ${DEFAULT-VALUE}.")
    String boxMask;

    @Option(names = "--offset", paramLabel = "DX,DY", description = "How far a MOVE edit moves the object, in pixels "
            + "(right and down; negative: left and up), instead of the distance or direction the instruction gives.")
    String offset;

    @Option(names = "--segment-models", description = "Find the object with detector + SAM from this folder when no --mask or --box is given.")
    Path segmentModels;

    @Option(names = "--tokenizer", description = "CLIP tokenizer folder for the detector, when the segmentation folder has none.")
    Path tokenizer;

    @Option(names = "--mask-out", description = "Also write the mask the edit used (white = repainted).")
    Path maskOut;

    @Option(names = "--mllm-model", description = "Plan with this model on an OpenAI-compatible server instead of the offline grammar.")
    String mllmModel;

    @Option(names = "--mllm-url", description = "Base URL of the OpenAI-compatible server (default: $OPENAI_BASE_URL or OpenAI). The key comes from $OPENAI_API_KEY.")
    String mllmUrl;

    @Option(names = "--ip2p-model", description = "InstructPix2Pix or MagicBrush folder (8-channel UNet, see tools/exporter): "
            + "whole-image (GLOBAL) edits such as \"make it winter\" use it instead of inpainting the whole image.")
    Path ip2pModel;

    @Option(names = "--image-guidance", defaultValue = "1.5", description = "Image guidance scale of --ip2p-model edits "
            + "(fidelity to the input; --guidance is the instruction's). Default: ${DEFAULT-VALUE}.")
    double imageGuidance;

    @Option(names = "--engine", defaultValue = "brushedit", description = "brushedit (plan, mask, inpaint) or zone (ZONE: "
            + "InstructPix2Pix fused with MagicBrush, the edit region from their cross-attention refined by SAM; needs "
            + "--ip2p-model, --magicbrush-model and --segment-models). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--magicbrush-model", description = "MagicBrush folder (8-channel UNet, see tools/exporter) fused with "
            + "--ip2p-model by --engine zone.")
    Path magicBrushModel;

    @Option(names = "--zone-mode", defaultValue = "corrected", description = "--engine zone's mask refinement and edge "
            + "smoothing: corrected, or reference (ZONE's code pixel for pixel, quirks included). Default: ${DEFAULT-VALUE}.")
    String zoneMode;

    @Option(names = "--dilate", defaultValue = "4", description = "--engine zone: 3x3 dilations of the fine mask (0 to 100). "
            + "Default: ${DEFAULT-VALUE}.")
    int dilate;

    @Option(names = "--sam-points", defaultValue = "32", description = "--engine zone: SAM's automatic grid, points per side "
            + "(1 to 256). Default: ${DEFAULT-VALUE}.")
    int samPoints;

    @Option(names = "--mllm-header", paramLabel = "NAME=VALUE", description = "Extra HTTP header for the MLLM server, e.g. api-key=... for Azure (repeatable).")
    List<String> mllmHeaders = new ArrayList<>();

    @Option(names = "--mllm-query", paramLabel = "NAME=VALUE", description = "Extra query parameter for the MLLM endpoint, e.g. api-version=2024-10-21 for Azure (repeatable).")
    List<String> mllmQuery = new ArrayList<>();

    @Option(names = "--executor", defaultValue = "auto", description = "Who carries out the edit: auto (the diffusion model "
            + "when --model is given, else a weight-free executor that can honour the plan, else PatchMatch), diffusion "
            + "(needs --model) or classical (weight-free recolour, background and colour adjustments only). Default: ${DEFAULT-VALUE}.")
    String executor;

    @Mixin
    InpaintingOptions inpainting;


    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        try {
            return edit();
        } catch (MllmException e) {
            throw new InferenceException(e.getMessage() + "; check --mllm-url (default $OPENAI_BASE_URL or OpenAI), "
                    + "--mllm-model and $OPENAI_API_KEY, or leave --mllm-model out to plan offline", e);
        }
    }

    private Integer edit() {
        inpainting.check();
        if (!engine.equalsIgnoreCase("brushedit")) {
            if (!engine.equalsIgnoreCase("zone")) {
                throw new UsageException("--engine must be brushedit or zone, was " + engine);
            }
            return zone();
        }
        for (String zoneOnly : List.of("--magicbrush-model", "--zone-mode", "--dilate", "--sam-points")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(zoneOnly)) {
                throw new UsageException(zoneOnly + " applies to --engine zone only; add --engine zone or leave it out");
            }
        }
        Usage.require(mask == null || box == null, "give --mask or --box, not both");
        boolean objectInBox = parseBoxMask(boxMask);
        if (box == null && spec.commandLine().getParseResult().hasMatchedOption("--box-mask")) {
            throw new UsageException("--box-mask applies to --box; give --box x0,y0,x1,y1 or leave --box-mask out");
        }
        Box objectBox = box == null ? null : parseBox(box);
        ObjectMotion givenMotion = offset == null ? null : parseOffset(offset);
        ExecutorPreference preference = inpainting.executorPreference(executor);
        Instructor instructor = mllmModel == null ? OfflineInstructor.create() : mllm();
        Outputs.requireWritableTarget(output);
        if (maskOut != null) {
            Outputs.requireWritableTarget(maskOut, "--mask-out");
        }
        InpaintCommand.requireReadable(image, "--image");
        InputLimits limits = inpainting.limits();
        RgbImage picture = ImageFiles.read(image, limits);
        InstructionEditor.Builder editor = InstructionEditor.builder().executorPreference(preference)
                .request(inpainting.request().negativePrompt(InstructionEditor.DEFAULT_NEGATIVE_PROMPT).build());
        if (mask != null) {
            InpaintCommand.requireReadable(mask, "--mask");
            Mask objectMask = Mask.fromImage(ImageFiles.read(mask, limits), 128);
            limits.checkSameSize(picture, objectMask);
            editor.maskSource(MaskSource.of(objectMask));
        } else if (box == null) {
            editor.maskSource((img, plan) -> {
                throw new InvalidInputException("the " + plan.category() + " edit needs the mask of \"" + plan.targetObject()
                        + "\": give --mask FILE (white = the object), --box x0,y0,x1,y1 or --segment-models DIR");
            });
        }
        editor.instructor(instructor);
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), verbosity.quiet);
        EditResult result;
        String boxMaskNote = null;
        try (SegmentModels segmenter = segmentModels == null || mask != null || box != null ? null
                        : SegmentModels.open(segmentModels, tokenizer, inpainting.modelOptions.executionOptions());
                Inpainter inpainter = inpainting.openInpainter();
                InstructPix2Pix ip2p = ip2pModel == null ? null : openPix2Pix(limits)) {
            if (segmenter != null) {
                editor.maskSource(segmenter.maskSource());
            }
            if (ip2p != null) {
                editor.instructPix2Pix(ip2p);
            }
            InstructionEditor built = editor.inpainter(inpainter).build();
            EditPlan plan = built.plan(picture, instruction);
            if (givenMotion != null) {
                if (plan.category() != EditCategory.MOVE) {
                    throw new InvalidInputException("--offset applies to a move, but \"" + instruction + "\" was planned as "
                            + plan.category() + "; leave --offset out or rephrase the instruction as a move");
                }
                plan = plan.withMotion(givenMotion);
            }
            boolean viaPix2Pix = ip2p != null && plan.category() == EditCategory.GLOBAL;  // the editor hands it to --ip2p-model
            if (!viaPix2Pix && built.executorFor(plan, preference).makesTransparent(plan) && !isPng(output)) {
                throw new InvalidInputException("\"" + instruction + "\" makes the background transparent, which only PNG keeps: "
                        + "give a .png --output (was " + output + ")");
            }
            EditOverrides.Builder overrides = EditOverrides.builder().plan(plan);
            if (objectBox != null) {
                overrides.box(objectBox);
                if (MaskPolicy.needsObjectMask(plan.category())) {
                    boxMaskNote = BoxObjects.choose(picture, objectBox, objectInBox, overrides);
                }
            }
            result = built.edit(picture, instruction, overrides.build(),
                    progress.listener(ip2p == null ? inpainter.backendName() : "edit"), null);
        } catch (UnsupportedEditException e) {
            throw new InvalidInputException(refusal(e), e);
        } catch (ObjectNotFoundException e) {
            throw new InvalidInputException("nothing detected for \"" + e.targetObject() + "\"; give --mask FILE (white = the "
                    + "object) or --box x0,y0,x1,y1, or name the object differently", e);
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().contains("moves off the image are refused")) {
                throw new InvalidInputException(e.getMessage() + "; give --offset DX,DY within that room (or a shorter "
                        + "distance in the instruction)", e);
            }
            if (e.getMessage() != null && e.getMessage().contains("has no source pixels")) {
                throw new InvalidInputException("the edit's mask covers the whole image, so PatchMatch has no pixels to continue; "
                        + "give a --mask or --box that leaves part of the image, or --model DIR (a BrushNet or SD inpainting "
                        + "folder converted with tools/exporter)", e);
            }
            throw e;
        }
        if (result.alpha().isPresent()) {
            ImageFiles.writePng(result.image(), result.alpha().get(), output);
        } else {
            ImageFiles.write(result.image(), output);
        }
        if (maskOut != null) {
            ImageFiles.write(result.mask().toImage(), maskOut);
        }
        if (!verbosity.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            EditPlan plan = result.plan();
            out.println("plan: " + plan.category() + " \"" + plan.targetObject() + "\" -> \"" + plan.targetCaption() + "\""
                    + plan.box().map(b -> " box " + format(b)).orElse("")
                    + plan.motion().map(m -> " " + m).orElse("")
                    + result.structural().map(s -> " placed at " + format(s.placement().target())).orElse(""));
            if (plan.category() == EditCategory.ADDITION && box == null) {
                out.println("no --box given: the added object was placed at the default box " + plan.box().map(EditCommand::format)
                        .orElse("") + "; give --box x0,y0,x1,y1 to place it");
            }
            if (plan.category() == EditCategory.MOVE && offset == null && plan.motion().map(m -> !m.distanceGiven()).orElse(false)) {
                out.println("no --offset given: the object was moved by the default distance; give --offset DX,DY to set it");
            }
            if (boxMaskNote != null) {
                out.println(boxMaskNote);
            }
            out.println(executorLine(result.executor(), result.provenance().workRegion()));
            out.println("wrote " + output + (result.alpha().isPresent() ? " (with transparency)" : ""));
        }
        return 0;
    }

    /**
     * The "executor: ..." line: the executor's name, then, but for a plain inpainter, what it did, marked
     * "weight-free" only for the executors that use no model (classical ones and structural PatchMatch).
     */
    static String executorLine(String executor, String workRegion) {
        if (executor.startsWith("inpainter/")) {
            return "executor: " + executor;
        }
        boolean usesModel = executor.equals(InstructPix2Pix.BACKEND)
                || executor.startsWith("structural/") && !executor.equals("structural/patchmatch");
        return "executor: " + executor + " (" + (usesModel ? "" : "weight-free: ") + workRegion + ")";
    }

    /** {@code --engine zone}: flags, plan and action are checked before any model is opened. */
    private int zone() {
        String boxMaskGiven = spec.commandLine().getParseResult().hasMatchedOption("--box-mask") ? boxMask : null;
        for (String[] unused : new String[][] {{"--mask", mask == null ? null : "x"}, {"--box", box}, {"--box-mask", boxMaskGiven},
                {"--offset", offset},
                {"--model", inpainting.model == null ? null : "x"}, {"--brushnet", inpainting.brushnet == null ? null : "x"}}) {
            if (unused[1] != null) {
                throw new UsageException(unused[0] + " is not used by --engine zone (ZONE finds the edit region itself); leave it out");
            }
        }
        if (parseExecutor(executor) != ExecutorPreference.AUTO) {
            throw new UsageException("--executor is not used by --engine zone; leave it out");
        }
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--steps");
        boolean scheduler = spec.commandLine().getParseResult().hasMatchedOption("--scheduler");
        Pix2PixRequest zoneDefaults = dev.brushedit.pix2pix.FusedInstructPix2Pix.zoneDefaults();
        Pix2PixRequest.Builder request = zoneDefaults.toBuilder().seed(inpainting.seed)
                .strategy(InpaintingOptions.parseStrategy(inpainting.strategy));
        Usage.option("--steps", inpainting.steps, () -> request.steps(given ? inpainting.steps : zoneDefaults.steps()));
        Usage.option("--guidance", inpainting.guidance, () -> request.guidanceScale(inpainting.guidance));
        Usage.option("--image-guidance", imageGuidance, () -> request.imageGuidanceScale(imageGuidance));
        if (scheduler) {
            request.scheduler(inpainting.scheduler);
        }
        InputLimits limits = inpainting.limits();
        ZoneEngine zone = ZoneEngine.check(new ZoneEngine.Settings(ip2pModel, magicBrushModel, segmentModels, zoneMode, dilate,
                samPoints, request.build(), inpainting.modelOptions.executionOptions(), limits));
        Outputs.requireWritableTarget(output);
        if (maskOut != null) {
            Outputs.requireWritableTarget(maskOut, "--mask-out");
        }
        InpaintCommand.requireReadable(image, "--image");
        RgbImage picture = ImageFiles.read(image, limits);
        Instructor instructor = mllmModel == null ? OfflineInstructor.create() : mllm();
        EditPlan plan = instructor.plan(picture, instruction);
        ZoneEngine.action(plan);
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), verbosity.quiet);
        dev.brushedit.zone.ZoneResult result = zone.run(picture, instruction, plan, instructor, progress.listener("zone"));
        ImageFiles.write(result.image(), output);
        if (maskOut != null) {
            ImageFiles.write(result.fineMask().toImage(), maskOut);
        }
        if (!verbosity.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("plan: " + plan.category() + " \"" + plan.targetObject() + "\" -> \"" + plan.targetCaption() + "\"");
            out.println("engine: zone, action " + result.action() + ", fine mask area " + result.fineMask().area() + " px of "
                    + result.segments().size() + " SAM segments, dilated " + dilate + "x");
            out.println("wrote " + output);
        }
        return 0;
    }

    private InstructPix2Pix openPix2Pix(InputLimits limits) {
        Pix2PixRequest defaults = Pix2PixRequest.builder().steps(inpainting.steps).guidanceScale(inpainting.guidance)
                .imageGuidanceScale(imageGuidance).seed(inpainting.seed)
                .strategy(InpaintingOptions.parseStrategy(inpainting.strategy)).build();
        try {
            return InstructPix2Pix.builder().checkpoint(ip2pModel).limits(limits)
                    .executionOptions(inpainting.modelOptions.executionOptions()).defaults(defaults).build();
        } catch (ModelException e) {
            throw new ModelException("--ip2p-model " + e.getMessage(), e);
        }
    }

    private static boolean isPng(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    }

    /** {@code --box-mask}: true for object, false for rect. */
    static boolean parseBoxMask(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "object":
                return true;
            case "rect":
                return false;
            default:
                throw new UsageException("--box-mask must be object or rect, was " + text);
        }
    }

    static ExecutorPreference parseExecutor(String text) {
        return ExecutorPreference.named(text.strip())
                .orElseThrow(() -> new UsageException("--executor must be auto, diffusion or classical, was " + text));
    }

    /** The MLLM instructor: {@code OPENAI_*} variables, then the {@code --mllm-*} flags; usage errors name the flag. */
    private OpenAiInstructor mllm() {
        OpenAiInstructor.Builder b = OpenAiInstructor.fromEnv();
        Usage.option("--mllm-model", mllmModel, () -> b.model(mllmModel));
        if (mllmUrl != null) {
            Usage.option("--mllm-url", mllmUrl, () -> b.baseUrl(mllmUrl));
        }
        for (String h : mllmHeaders) {
            String[] nv = nameValue(h, "--mllm-header");
            Usage.option("--mllm-header", nv[0], () -> b.header(nv[0], nv[1]));
        }
        for (String q : mllmQuery) {
            String[] nv = nameValue(q, "--mllm-query");
            Usage.option("--mllm-query", nv[0], () -> b.queryParameter(nv[0], nv[1]));
        }
        return Usage.option("--mllm-header", "Authorization", b::build);
    }

    /** {@code NAME=VALUE} split at the first '='; the value is never echoed (it may be a secret). */
    static String[] nameValue(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " must be NAME=VALUE with a name before the '='");
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1)};
    }

    private static String format(Box b) {
        return b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1();
    }

    /** The refusal in the tool's terms: its flags, never the SDK's classes. */
    static String refusal(UnsupportedEditException e) {
        String what = e.category().map(c -> "cannot carry out the " + c + " edit " + e.reason()).orElse(e.reason());
        switch (e.remedy()) {
            case DIFFUSION_MODEL:
                return what + (e.category().orElse(null) == EditCategory.GLOBAL
                        ? "; give --ip2p-model DIR (an InstructPix2Pix folder) or --model DIR (a BrushNet or SD inpainting "
                                + "folder), converted with tools/exporter (see tools/exporter/README.md)"
                        : "; give --model DIR, a BrushNet or SD inpainting folder converted with tools/exporter "
                                + "(see tools/exporter/README.md)");
            case DIFFUSION_EXECUTOR:
                return what + "; the --model given can do it: use --executor auto or --executor diffusion";
            case AUTO_EXECUTOR:
                return what + "; the default executors can do it: use --executor auto (the default)";
            case LANGUAGE_MODEL:
            default:
                return what + "; rephrase it, or plan with --mllm-model MODEL on an OpenAI-compatible server (--mllm-url)";
        }
    }

    static ObjectMotion parseOffset(String text) {
        int[] v = wholePixels("--offset", "DX,DY", text, 2);
        return Usage.option("--offset", text, () -> ObjectMotion.move(v[0], v[1]));
    }

    static Box parseBox(String text) {
        int[] v = wholePixels("--box", "x0,y0,x1,y1", text, 4);
        return Usage.option("--box", text, () -> new Box(v[0], v[1], v[2], v[3]));
    }

    /** The {@code count} comma-separated integers of {@code flag}'s {@code text}, else a usage error naming {@code form}. */
    private static int[] wholePixels(String flag, String form, String text, int count) {
        String[] parts = text.split(",");
        if (parts.length == count) {
            try {
                int[] v = new int[count];
                for (int i = 0; i < count; i++) {
                    v[i] = Integer.parseInt(parts[i].strip());
                }
                return v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UsageException(flag + " must be " + form + " in whole pixels, was " + text);
    }
}
