package dev.brushedit.cli;

import dev.brushedit.core.ModelException;
import dev.brushedit.models.BrushNet;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.ModelPart;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit info}: inspects a model folder: which parts are present, the export flavour and
 * precision, the VAE scaling factor, and the result of the contract check of every graph (a broken
 * folder exits with code 4 and the first mismatch).
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Inspect a model folder and check its graphs' contracts.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Checkpoint folder in our ONNX layout.")
    Path model;

    @Option(names = "--hashes", description = "Also print each model file's SHA-256 (reads every file once).")
    boolean hashes;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        if (!Files.isDirectory(model)) {
            throw new ModelException("--model " + model + " is not a directory; expected a model folder made by "
                    + "tools/exporter (python -m brushedit_export)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ModelFolder folder = ModelFolder.open(model, modelOptions.executionOptions())) {
            out.println("model folder: " + folder.root());
            for (ModelPart part : ModelPart.values()) {
                out.printf("  %-26s %s%n", part.relativePath(), folder.has(part) ? "present" : (part.standard() ? "MISSING" : "-"));
            }
            out.println("provider:     " + folder.effectiveProvider());
            folder.openAll();
            out.println("flavour:      " + folder.flavour());
            out.println("precision:    " + folder.precision());
            out.println("vae scaling:  " + folder.vaeScalingFactor());
            if (folder.has(ModelPart.UNET)) {
                out.println("unet:         " + folder.unet().inChannels() + " input channels"
                        + (folder.unet().hasBrushNetInputs() ? ", " + folder.unet().brushNetInputs().size() + " BrushNet feature inputs" : ""));
            }
            if (folder.has(ModelPart.BRUSHNET) && folder.has(ModelPart.UNET)) {
                BrushNet net = folder.brushNet();
                net.requireCompatible(folder.unet());
                out.println("brushnet:     " + net.featureNames().size() + " features, compatible with the UNet");
            }
            if (hashes) {
                for (ModelPart part : folder.parts()) {
                    out.printf("  sha256 %-26s %s%n", part.relativePath(), folder.sha256(part));
                }
            }
            out.println("contract:     OK");
        }
        return 0;
    }
}
