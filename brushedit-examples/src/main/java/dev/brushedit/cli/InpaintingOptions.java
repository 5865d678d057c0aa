package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.scheduler.SchedulerOverrides;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.edit.ExecutorPreference;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import dev.brushedit.models.text.PromptSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that choose and drive an inpainting backend; shared by {@code inpaint} and {@code edit}. */
final class InpaintingOptions {

    @Option(names = "--model", description = "Checkpoint folder in our ONNX layout (see tools/exporter); without it PatchMatch is used.")
    Path model;

    @Option(names = "--brushnet", description = "A BrushNet folder to pair with the checkpoint's UNet (default: the checkpoint's own).")
    Path brushnet;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, brushnet, sd-inpainting or patchmatch. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; the same seed gives the same output. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--steps", defaultValue = "30", description = "Denoising steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--guidance", defaultValue = "7.5", description = "Classifier-free guidance scale. Default: ${DEFAULT-VALUE}.")
    double guidance;

    @Option(names = "--preservation-scale", defaultValue = "1.0", description = "BrushNet preservation scale (0 to 2). Default: ${DEFAULT-VALUE}.")
    double preservationScale;

    @Option(names = "--scheduler", defaultValue = "unipc", description = "Scheduler: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            converter = SchedulerNames.class, completionCandidates = SchedulerNames.class)
    SchedulerType scheduler;

    @Option(names = "--strategy", defaultValue = "crop:128:768", description = "Large-image strategy: original, resize:LONGEST or crop:MARGIN:LONGEST. Default: ${DEFAULT-VALUE}.")
    String strategy;

    @Option(names = "--prompt-syntax", defaultValue = "a1111", converter = SyntaxConverter.class,
            description = "a1111: (word:1.3) weighting and 75-token windows; plain: literal text cut at 77 tokens, as diffusers does. Default: ${DEFAULT-VALUE}.")
    PromptSyntax promptSyntax;

    @Option(names = "--scheduler-option", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Overrides a scheduler_config.json key for this run (repeatable), e.g. use_karras_sigmas=true, "
                    + "final_sigmas_type=zero, timestep_spacing=trailing.")
    Map<String, String> schedulerOptions = new LinkedHashMap<>();

    @Option(names = "--patch-size", defaultValue = "7", description = "PatchMatch patch size (odd). Default: ${DEFAULT-VALUE}.")
    int patchSize;

    @Mixin
    LimitOptions limitOptions;

    @Mixin
    ModelOptions modelOptions;

    InputLimits limits() {
        return limitOptions.limits();
    }

    /**
     * Checks every option before any file is read: a usage error (exit 2) for a bad value, a
     * model error (exit 4) for a --model or --brushnet that is not a folder.
     */
    void check() {
        request();
        limits();
        Inpainter.Backend chosen = parseBackend(backend);
        if (model == null && (chosen == Inpainter.Backend.BRUSHNET || chosen == Inpainter.Backend.SD_INPAINTING)) {
            throw new UsageException("--backend " + backend + " needs --model DIR, a BrushNet or SD inpainting folder "
                    + "converted with tools/exporter");
        }
        patchMatch();
        modelOptions.executionOptions();
        requireFolder(model, "--model");
        requireFolder(brushnet, "--brushnet");
    }

    /**
     * Refuses, as a usage error before any file is read, a {@code --prompt} or {@code --negative-prompt}
     * that PatchMatch (no {@code --model}, or {@code --backend patchmatch}) would silently ignore.
     */
    void requirePromptsHonoured(PromptOptions prompts) {
        if (model != null && parseBackend(backend) != Inpainter.Backend.PATCHMATCH) {
            return;
        }
        String flag = !prompts.prompt.isBlank() ? "--prompt" : !prompts.negativePrompt.isBlank() ? "--negative-prompt" : null;
        if (flag == null) {
            return;
        }
        String text = flag.equals("--prompt") ? prompts.prompt : prompts.negativePrompt;
        String why = model == null ? "without --model" : "with --backend patchmatch";
        throw new UsageException(flag + " \"" + text + "\" needs a diffusion model: " + why + " the hole is filled by "
                + "PatchMatch, which continues the surrounding texture and cannot follow a prompt; give --model DIR (a "
                + "BrushNet or SD inpainting folder converted with tools/exporter) or leave " + flag + " out");
    }

    private static void requireFolder(Path folder, String flag) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ModelException(flag + " " + folder + " is not a directory; expected a model folder made by "
                    + "tools/exporter (python -m brushedit_export)");
        }
    }

    /** The request with every option but the prompts. */
    InpaintRequest.Builder request() {
        InpaintRequest.Builder b = InpaintRequest.builder().scheduler(scheduler).seed(seed);
        Usage.option("--steps", steps, () -> b.steps(steps));
        Usage.option("--guidance", guidance, () -> b.guidanceScale(guidance));
        Usage.option("--preservation-scale", preservationScale, () -> b.preservationScale(preservationScale));
        SchedulerOverrides overrides = Usage.option("--scheduler-option", schedulerOptions,
                () -> SchedulerOverrides.of(schedulerOptions));
        return b.strategy(parseStrategy(strategy)).promptSyntax(promptSyntax).schedulerOptions(overrides);
    }

    /** The request with every option and {@code prompts}' prompt and negative prompt. */
    InpaintRequest request(PromptOptions prompts) {
        return request().prompt(prompts.prompt).negativePrompt(prompts.negativePrompt).build();
    }

    /**
     * The preference {@code --executor} names ({@code executor}); a usage error for an unknown name,
     * or for diffusion without {@code --model}.
     */
    ExecutorPreference executorPreference(String executor) {
        ExecutorPreference preference = EditCommand.parseExecutor(executor);
        Usage.require(preference != ExecutorPreference.DIFFUSION || model != null,
                "--executor diffusion needs a diffusion model: give --model DIR (see tools/exporter)");
        return preference;
    }

    private PatchMatchInpainter patchMatch() {
        return Usage.option("--patch-size", patchSize, () -> PatchMatchInpainter.builder().patchSize(patchSize).build());
    }

    /** Reads {@code --prompt-syntax}; an unknown name is a usage error. */
    static final class SyntaxConverter implements ITypeConverter<PromptSyntax> {
        @Override
        public PromptSyntax convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "a1111" -> PromptSyntax.A1111;
                case "plain" -> PromptSyntax.PLAIN;
                default -> throw new TypeConversionException("--prompt-syntax must be plain or a1111, was " + value);
            };
        }
    }

    /** Opens the inpainter these options describe; the caller closes it. */
    Inpainter openInpainter() {
        Inpainter.Builder builder = Inpainter.builder().backend(parseBackend(backend)).limits(limits())
                .patchMatch(patchMatch());
        if (model != null) {
            builder.checkpoint(model).executionOptions(modelOptions.executionOptions());
        }
        if (brushnet != null) {
            builder.brushnet(brushnet);
        }
        return builder.build();
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
        } catch (InvalidInputException e) {
            throw new UsageException("--strategy " + text + ": " + e.getMessage());
        }
        throw new UsageException("--strategy must be original, resize:LONGEST or crop:MARGIN:LONGEST, was " + text);
    }

    static Inpainter.Backend parseBackend(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> Inpainter.Backend.AUTO;
            case "brushnet" -> Inpainter.Backend.BRUSHNET;
            case "sd-inpainting" -> Inpainter.Backend.SD_INPAINTING;
            case "patchmatch" -> Inpainter.Backend.PATCHMATCH;
            default -> throw new UsageException("--backend must be auto, brushnet, sd-inpainting or patchmatch, was " + text);
        };
    }
}
