package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.OutpaintResult;
import dev.brushedit.inpaint.outpaint.OutpaintExtension;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code brushedit extend}: outpaints an image, adding pixels on chosen sides ({@code --left},
 * {@code --top}, {@code --right}, {@code --bottom}) or widening or heightening it to an aspect ratio
 * ({@code --aspect 16:9}). Without {@code --model} PatchMatch continues the image's texture; with one
 * the diffusion backend paints the new area from {@code --prompt}.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = "Extend an image beyond its borders (outpainting).")
public final class ExtendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image"}, required = true, description = "Input image (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(names = {"-o", "--output"}, required = true, description = "Output image (.png or .jpg); written atomically.")
    Path output;

    @Option(names = "--left", defaultValue = "0", description = "Pixels to add on the left. Default: ${DEFAULT-VALUE}.")
    int left;

    @Option(names = "--top", defaultValue = "0", description = "Pixels to add at the top. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--right", defaultValue = "0", description = "Pixels to add on the right. Default: ${DEFAULT-VALUE}.")
    int right;

    @Option(names = "--bottom", defaultValue = "0", description = "Pixels to add at the bottom. Default: ${DEFAULT-VALUE}.")
    int bottom;

    @Option(names = "--aspect", description = "Target aspect ratio W:H (e.g. 16:9), instead of pixels per side.")
    String aspect;

    @Option(names = "--seam", defaultValue = "16", description = "Width in pixels of the soft seam repainted inside the original (0 = hard). Default: ${DEFAULT-VALUE}.")
    int seam;

    @Mixin
    PromptOptions prompts;

    @Mixin
    InpaintingOptions inpainting;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        inpainting.check();
        inpainting.requirePromptsHonoured(prompts);
        OutpaintExtension extension = extension();
        InpaintCommand.requireReadable(image, "--image");
        Outputs.requireWritableTarget(output);
        InputLimits limits = inpainting.limits();
        RgbImage picture = ImageFiles.read(image, limits);
        TerminalProgress progress = TerminalProgress.forConsole(spec.commandLine().getErr(), verbosity.quiet);
        InpaintRequest request = inpainting.request(prompts);
        OutpaintResult result;
        try (Inpainter inpainter = inpainting.openInpainter()) {
            result = inpainter.outpaint(picture, extension, request, progress.listener(inpainter.backendName()), null);
        }
        ImageFiles.write(result.image(), output);
        if (!verbosity.quiet) {
            spec.commandLine().getOut().println("extended " + picture.width() + "x" + picture.height() + " to "
                    + result.image().width() + "x" + result.image().height() + " (" + result.sides() + ")");
            spec.commandLine().getOut().println("wrote " + output);
        }
        return 0;
    }

    /** The extension the flags describe, checked flag by flag (usage errors, before any file is read). */
    OutpaintExtension extension() {
        side("--left", left);
        side("--top", top);
        side("--right", right);
        side("--bottom", bottom);
        if (seam < 0 || seam > OutpaintExtension.MAX_SEAM_WIDTH) {
            throw new UsageException("--seam must be between 0 and " + OutpaintExtension.MAX_SEAM_WIDTH + ", was " + seam);
        }
        boolean anySide = left + top + right + bottom > 0;
        if (aspect != null && anySide) {
            throw new UsageException("give either --aspect or --left/--top/--right/--bottom, not both");
        }
        if (aspect == null && !anySide) {
            throw new UsageException("say how far to extend: --left, --top, --right or --bottom N (pixels), or --aspect W:H");
        }
        if (aspect != null) {
            try {
                return OutpaintExtension.aspect(aspect).toBuilder().seamWidth(seam).build();
            } catch (InvalidInputException e) {
                throw new UsageException("--" + e.getMessage());
            }
        }
        return OutpaintExtension.builder().left(left).top(top).right(right).bottom(bottom).seamWidth(seam).build();
    }

    private static void side(String flag, int value) {
        if (value < 0 || value > OutpaintExtension.MAX_SIDE) {
            throw new UsageException(flag + " must be between 0 and " + OutpaintExtension.MAX_SIDE + " pixels, was " + value);
        }
    }
}
