package dev.brushedit.cli;

import dev.brushedit.batch.BatchInputs;
import dev.brushedit.batch.BatchItem;
import dev.brushedit.batch.BatchRunner;
import dev.brushedit.batch.BatchSummary;
import dev.brushedit.batch.EditWorker;
import dev.brushedit.batch.ItemStatus;
import dev.brushedit.batch.ResultsCsv;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.edit.ExecutorPreference;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit batch}: inpaints a folder of images with their masks ({@code --images},
 * {@code --masks}: same stem), or edits the images of a CSV of image,instruction rows ({@code --csv}),
 * into an output folder. The model (or PatchMatch without {@code --model}) is loaded once for the
 * whole batch. It resumes: an item whose output exists is skipped (outputs are written atomically). A
 * failing item is reported and the batch goes on; at the end a summary line and a results CSV
 * ({@code --results}, default {@code OUTPUT/results.csv}). Exit code {@value BrushEditCli#EXIT_ITEMS_FAILED}
 * when any item failed, 0 when all were done or skipped.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Inpaint a folder of images with masks, or edit the images of a CSV of image,instruction rows.",
            "Finished outputs are skipped, so an interrupted batch resumes where it stopped. Exit code "
                + BrushEditCli.EXIT_ITEMS_FAILED + " when any item failed."})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", description = "Folder of images to inpaint (PNG, JPEG, BMP, GIF; not its subfolders); needs --masks.")
    Path images;

    @Option(names = "--masks", description = "Folder of masks, one per image with the image's stem (white = fill).")
    Path masks;

    @Option(names = "--csv", description = "CSV of image,instruction[,mask] rows, or with a header naming the columns "
            + "image, instruction, mask, output; relative paths are from the CSV's folder.")
    Path csv;

    @Option(names = {"-o", "--output"}, required = true, description = "Output folder (created if missing).")
    Path output;

    @Option(names = "--format", defaultValue = "png", description = "Output format: png or jpg. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--results", description = "Results CSV: one row per item with status, seconds, executor, seed and "
            + "provenance (default: results.csv in the output folder).")
    Path results;

    @Option(names = "--executor", defaultValue = "auto", description = "Who carries out CSV edits: auto, diffusion (needs "
            + "--model) or classical, as in brushedit edit. Default: ${DEFAULT-VALUE}.")
    String executor;

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
        Usage.require(images != null ^ csv != null, "give --images DIR with --masks DIR, or --csv FILE (one of them)");
        Usage.require(images == null || masks != null, "--images needs --masks DIR (the masks, same stem as the images)");
        Usage.require(masks == null || images != null, "--masks goes with --images DIR");
        String ext = Usage.option("--format", format, () -> BatchInputs.outputExtension(format.toLowerCase(Locale.ROOT)));
        ExecutorPreference preference = inpainting.executorPreference(executor);
        Path table = results != null ? results : output.resolve("results.csv");
        Usage.require(table.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"),
                "--results " + table + " must end in .csv");
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new InvalidInputException("--output " + output + " is a file; give a folder");
        }
        List<BatchItem> items = csv != null ? BatchInputs.fromCsv(csv, ext) : BatchInputs.fromFolders(images, masks, ext);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalProgress bar = TerminalProgress.forConsole(err, verbosity.quiet);
        BatchSummary summary;
        try (EditWorker worker = new EditWorker(inpainting.openInpainter(), inpainting.request(prompts), preference,
                inpainting.limits())) {
            bar.update("batch", 0, items.size());
            summary = BatchRunner.run(items, output, worker, (r, finished, total) -> {
                if (r.status() == ItemStatus.FAILED) {
                    err.printf("\r%-60s%n", "brushedit batch: " + r.item().id() + " failed: " + r.message());
                }
                bar.update("batch", finished, total);
            });
        }
        ResultsCsv.write(summary.results(), table);
        if (!verbosity.quiet) {
            out.println("batch: " + summary.line() + "; results in " + table);
        }
        return summary.count(ItemStatus.FAILED) > 0 ? BrushEditCli.EXIT_ITEMS_FAILED : 0;
    }
}
