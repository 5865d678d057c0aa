package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import java.util.Locale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; the same seed gives the same output. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--model", description = "Checkpoint folder in our ONNX layout (see tools/exporter); without it PatchMatch is used.")
    Path model;

    @Option(names = "--brushnet", description = "A BrushNet folder to pair with the checkpoint's UNet (default: the checkpoint's own).")
    Path brushnet;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, brushnet, sd-inpainting or patchmatch. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = {"-p", "--prompt"}, defaultValue = "", description = "What the filled region should show (diffusion backends).")
    String prompt;

    @Option(names = "--negative-prompt", defaultValue = "", description = "What it should not show.")
    String negativePrompt;

    @Option(names = "--steps", defaultValue = "30", description = "Denoising steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--guidance", defaultValue = "7.5", description = "Classifier-free guidance scale. Default: ${DEFAULT-VALUE}.")
    double guidance;

    @Option(names = "--preservation-scale", defaultValue = "1.0", description = "BrushNet preservation scale (0 to 2). Default: ${DEFAULT-VALUE}.")
    double preservationScale;

    @Option(names = "--scheduler", defaultValue = "unipc", description = "Scheduler: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", converter = SchedulerNames.class, completionCandidates = SchedulerNames.class)
    SchedulerType scheduler;

    @Option(names = "--strategy", defaultValue = "crop:128:768", description = "Large-image strategy: original, resize:LONGEST or crop:MARGIN:LONGEST. Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--patch-size", defaultValue = "7", description = "PatchMatch patch size (odd). Default: ${DEFAULT-VALUE}.")
    int patchSize;

    @Option(names = "--max-pixels", description = "Reject images with more pixels than this (default: fitted to the JVM heap).")
    Long maxPixels;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        requireReadable(image, "--image");
        requireReadable(mask, "--mask");
        Outputs.requireWritableTarget(output);
        InputLimits limits = maxPixels == null ? InputLimits.defaults() : InputLimits.builder().maxPixels(maxPixels).build();
        RgbImage picture = ImageFiles.read(image, limits);
        Mask region = Mask.fromImage(ImageFiles.read(mask, limits), maskThreshold);
        limits.checkSameSize(picture, region);
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), quiet);
        InpaintRequest request = InpaintRequest.builder().prompt(prompt).negativePrompt(negativePrompt).steps(steps)
                .guidanceScale(guidance).preservationScale(preservationScale).scheduler(scheduler).seed(seed)
                .strategy(parseStrategy(strategy)).build();
        Inpainter.Builder builder = Inpainter.builder().backend(parseBackend(backend)).limits(limits)
                .patchMatch(PatchMatchInpainter.builder().patchSize(patchSize).build());
        if (model != null) {
            builder.checkpoint(model).executionOptions(modelOptions.executionOptions());
        }
        if (brushnet != null) {
            builder.brushnet(brushnet);
        }
        InpaintResult result;
        try (Inpainter inpainter = builder.build()) {
            ProgressListener listener = (step, total, preview) -> progress.update(inpainter.backendName(), step, total);
            result = inpainter.inpaint(picture, region, request, listener, null);
        }
        ImageFiles.write(result.image(), output);
        if (!quiet) {
            spec.commandLine().getOut().println("wrote " + output);
        }
        return 0;
    }

    static LargeImageStrategy parseStrategy(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split(":");
        try {
            switch (parts[0]) {
                case "original":
                    if (parts.length == 1) {
                        return LargeImageStrategy.original();
                    }
                    break;
                case "resize":
                    if (parts.length == 2) {
                        return LargeImageStrategy.resize(Integer.parseInt(parts[1]));
                    }
                    break;
                case "crop":
                    if (parts.length == 3) {
                        return LargeImageStrategy.crop(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--strategy must be original, resize:LONGEST or crop:MARGIN:LONGEST, was " + text);
    }

    static Inpainter.Backend parseBackend(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> Inpainter.Backend.AUTO;
            case "brushnet" -> Inpainter.Backend.BRUSHNET;
            case "sd-inpainting" -> Inpainter.Backend.SD_INPAINTING;
            case "patchmatch" -> Inpainter.Backend.PATCHMATCH;
            default -> throw new InvalidInputException("--backend must be auto, brushnet, sd-inpainting or patchmatch, was " + text);
        };
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
