package dev.brushedit.cli;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.edit.EditPlan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code brushedit segment}: finds an object by name with the open-vocabulary detector and segments
 * it with SAM, retrying lower detection thresholds as BrushEdit does; writes the mask (white = the
 * object). Needs a segmentation folder exported as tools/exporter/segment/SEGMENT_CONTRACT.md says.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, description = "Write the mask of an object found by name (detector + SAM).")
public final class SegmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OBJECT", description = "The object to find, e.g. \"dog\" or \"red car\".")
    String object;

    @Option(names = {"-i", "--image"}, required = true, description = "Input image.")
    Path image;

    @Option(names = {"-o", "--output"}, required = true, description = "Output mask (.png); written atomically.")
    Path output;

    @Option(names = "--segment-models", required = true, description = "Folder with sam/encoder.onnx, sam/decoder.onnx, detector/model.onnx (and tokenizer/).")
    Path segmentModels;

    @Option(names = "--tokenizer", description = "Folder with CLIP's vocab.json and merges.txt, when the segmentation folder has none.")
    Path tokenizer;

    @Mixin
    LimitOptions limitOptions;

    @Mixin
    ModelOptions modelOptions;


    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        InputLimits limits = limitOptions.limits();
        modelOptions.executionOptions();
        Outputs.requireWritableTarget(output);
        InpaintCommand.requireReadable(image, "--image");
        RgbImage picture = ImageFiles.read(image, limits);
        Mask mask;
        try (SegmentModels models = SegmentModels.open(segmentModels, tokenizer, modelOptions.executionOptions())) {
            EditPlan plan = new EditPlan(EditCategory.LOCAL, object, object, Optional.empty(), "segment " + object);
            mask = models.maskSource().mask(picture, plan);
        }
        ImageFiles.write(mask.toImage(), output);
        if (!verbosity.quiet) {
            Box b = mask.boundingBox();
            spec.commandLine().getOut().println("\"" + object + "\": " + mask.area() + " pixels, box " + b.x0() + "," + b.y0() + ","
                    + b.x1() + "," + b.y1() + " (x0,y0,x1,y1, as --box takes it)");
            spec.commandLine().getOut().println("wrote " + output);
        }
        return 0;
    }
}
