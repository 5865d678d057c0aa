package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.EditResult;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.edit.OfflineInstructor;
import dev.brushedit.edit.OpenAiInstructor;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.pix2pix.InstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code --mask} or {@code --box}; the inpainter is PatchMatch without {@code --model} (enough for
 * Remove edits) or BrushNet with one; whole-image edits use InstructPix2Pix with {@code --ip2p-model}.
 * Prints the plan, so it can be corrected and the edit re-run.
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

    @Option(names = "--box", description = "Box of the object instead of a mask: x0,y0,x1,y1 in pixels (x1, y1 exclusive).")
    String box;

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

    @Mixin
    InpaintingOptions inpainting;


    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        InpaintCommand.requireReadable(image, "--image");
        if (mask != null && box != null) {
            throw new InvalidInputException("give --mask or --box, not both");
        }
        Outputs.requireWritableTarget(output);
        if (maskOut != null) {
            Outputs.requireWritableTarget(maskOut);
        }
        InputLimits limits = inpainting.limits();
        RgbImage picture = ImageFiles.read(image, limits);
        InstructionEditor.Builder editor = InstructionEditor.builder()
                .request(inpainting.request().negativePrompt(InstructionEditor.DEFAULT_NEGATIVE_PROMPT).build());
        if (mask != null) {
            InpaintCommand.requireReadable(mask, "--mask");
            Mask objectMask = Mask.fromImage(ImageFiles.read(mask, limits), 128);
            limits.checkSameSize(picture, objectMask);
            editor.maskSource(MaskSource.of(objectMask));
        } else if (box != null) {
            editor.maskSource(MaskSource.ofBox(parseBox(box)));
        } else {
            editor.maskSource((img, plan) -> {
                throw new InvalidInputException("the " + plan.category() + " edit needs the mask of \"" + plan.targetObject()
                        + "\": give --mask FILE (white = the object), --box x0,y0,x1,y1 or --segment-models DIR");
            });
        }
        editor.instructor(mllmModel == null ? OfflineInstructor.create() : mllm());
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), verbosity.quiet);
        EditResult result;
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
            result = editor.inpainter(inpainter).build().edit(picture, instruction, EditOverrides.none(),
                    progress.listener(ip2p == null ? inpainter.backendName() : "edit"), null);
        }
        ImageFiles.write(result.image(), output);
        if (maskOut != null) {
            ImageFiles.write(result.mask().toImage(), maskOut);
        }
        if (!verbosity.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            EditPlan plan = result.plan();
            out.println("plan: " + plan.category() + " \"" + plan.targetObject() + "\" -> \"" + plan.targetCaption() + "\""
                    + plan.box().map(b -> " box " + b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1()).orElse(""));
            out.println("backend: " + result.provenance().backend());
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

    private OpenAiInstructor mllm() {
        OpenAiInstructor.Builder b = OpenAiInstructor.builder().model(mllmModel);
        if (mllmUrl != null) {
            b.baseUrl(mllmUrl);
        }
        return b.build();
    }

    static Box parseBox(String text) {
        String[] parts = text.split(",");
        if (parts.length == 4) {
            try {
                return new Box(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InvalidInputException("--box must be x0,y0,x1,y1 in whole pixels, was " + text);
    }
}
