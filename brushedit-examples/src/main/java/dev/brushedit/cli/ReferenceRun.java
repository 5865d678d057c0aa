package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.reference.ReferenceInpainter;
import dev.brushedit.reference.ReferenceRequest;
import picocli.CommandLine.ParseResult;

/**
 * {@code brushedit inpaint --reference REF}: MimicBrush's reference-imitating fill. Steps, guidance
 * and scheduler default to MimicBrush's (50, 5, DDIM) unless given on the command line; the
 * large-image strategy is {@code --strategy}'s.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
final class ReferenceRun {
    private final InpaintCommand command;

    ReferenceRun(InpaintCommand command) {
        this.command = command;
    }

    InpaintResult run(RgbImage picture, Mask region, InputLimits limits, TerminalProgress progress) {
        InpaintingOptions o = command.inpainting;
        ParseResult parsed = command.spec.commandLine().getParseResult();
        Usage.require(o.model != null, "--reference needs --model, a MimicBrush folder (export it with "
                + "`python -m brushedit_export.mimicbrush`, see tools/exporter/CONTRACT.md)");
        Usage.require(command.prompts.prompt.isEmpty() && command.prompts.negativePrompt.isEmpty(),
                "--reference fills the hole by imitating the reference and takes no --prompt or --negative-prompt");
        Usage.require(!parsed.hasMatchedOption("--backend") && !parsed.hasMatchedOption("--brushnet"),
                "--reference runs MimicBrush; drop --backend and --brushnet");
        InpaintCommand.requireReadable(command.reference, "--reference");
        RgbImage ref = ImageFiles.read(command.reference, limits);
        ReferenceRequest.Builder b = ReferenceRequest.builder().reference(ref).keepShape(command.keepShape).seed(o.seed)
                .strategy(o.request().build().strategy());
        if (parsed.hasMatchedOption("--steps")) {
            Usage.option("--steps", o.steps, () -> b.steps(o.steps));
        }
        if (parsed.hasMatchedOption("--guidance")) {
            Usage.option("--guidance", o.guidance, () -> b.guidanceScale(o.guidance));
        }
        b.scheduler(parsed.hasMatchedOption("--scheduler") ? o.scheduler : SchedulerType.DDIM);
        ReferenceRequest request = b.build();
        try (ReferenceInpainter mimic = ReferenceInpainter.builder().checkpoint(o.model)
                .executionOptions(o.modelOptions.executionOptions()).limits(limits).build()) {
            Usage.require(!command.keepShape || mimic.canKeepShape(), "--keep-shape needs a MimicBrush folder with depth/ ("
                    + o.model + " was exported without the depth graph)");
            return mimic.inpaint(picture, region, request, progress.listener(ReferenceInpainter.BACKEND), null);
        }
    }
}
