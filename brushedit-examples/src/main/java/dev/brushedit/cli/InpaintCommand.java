package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit inpaint}: fills the white region of a mask. With {@code --model} it runs BrushNet
 * (or the SD inpainting UNet) on the prompt; without one it uses the weight-free PatchMatch
 * inpainter, which removes objects by continuing the surrounding texture.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
        description = "Fill the masked region of an image (white in the mask = fill).")
public final class InpaintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image"}, required = true, description = "Input image (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = {"-m", "--mask"}, required = true, description = "Mask image, same size; white (>= threshold) = fill.")
    Path mask;

    @Option(names = {"-o", "--output"}, required = true, description = "Output image (.png or .jpg); written atomically.")
    Path output;

    @Option(names = "--mask-threshold", defaultValue = "128", description = "Gray level (1-255) from which a mask pixel counts as white. Default: ${DEFAULT-VALUE}.")
    int maskThreshold;

    @Mixin
    PromptOptions prompts;

    @Mixin
    InpaintingOptions inpainting;


    @Option(names = "--reference", paramLabel = "REF", description = "Reference image to imitate in the hole (MimicBrush); "
            + "--model must then be a MimicBrush folder. Grey references are used as grey RGB; transparency is dropped.")
    Path reference;

    @Option(names = "--keep-shape", description = "With --reference: keep the masked object's shape (MimicBrush's depth control; "
            + "the folder needs depth/).")
    boolean keepShape;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        inpainting.check();
        inpainting.requirePromptsHonoured(prompts);
        Usage.require(maskThreshold >= 1 && maskThreshold <= 255, "--mask-threshold must be between 1 and 255, was " + maskThreshold);
        Outputs.requireWritableTarget(output);
        requireReadable(image, "--image");
        requireReadable(mask, "--mask");
        InputLimits limits = inpainting.limits();
        RgbImage picture = ImageFiles.read(image, limits);
        Mask region = Mask.fromImage(ImageFiles.read(mask, limits), maskThreshold);
        limits.checkSameSize(picture, region);
        if (region.isEmpty() && !verbosity.quiet) {
            spec.commandLine().getOut().println("the mask has no pixel at or above --mask-threshold " + maskThreshold
                    + ", so there is nothing to fill: the image is written unchanged");
        }
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), verbosity.quiet);
        if (reference != null) {
            result(new ReferenceRun(this).run(picture, region, limits, progress));
            return 0;
        }
        Usage.require(!keepShape, "--keep-shape needs --reference (it keeps the masked object's shape while imitating a reference)");
        InpaintRequest request = inpainting.request(prompts);
        InpaintResult result;
        try (Inpainter inpainter = inpainting.openInpainter()) {
            if (region.isFull() && inpainter.capabilities().needsSourcePixels()) {
                throw new InvalidInputException("--mask " + mask + " covers the whole image, so " + inpainter.backendName()
                        + " has no pixels to continue; give a --mask that leaves part of the image, or --model DIR (a BrushNet "
                        + "or SD inpainting folder converted with tools/exporter)");
            }
            result = inpainter.inpaint(picture, region, request, progress.listener(inpainter.backendName()), null);
        }
        result(result);
        return 0;
    }

    private void result(InpaintResult result) {
        ImageFiles.write(result.image(), output);
        if (!verbosity.quiet) {
            spec.commandLine().getOut().println("wrote " + output);
        }
    }

    static void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(option + " " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(option + " " + file + " is not readable");
        }
    }
}
