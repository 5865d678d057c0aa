package dev.brushedit.examples;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import java.nio.file.Path;

/**
 * Pairs a community SD1.5 checkpoint (its UNet exported with BrushNet inputs) with an existing
 * BrushNet folder. The pair is checked feature by feature before any work starts.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.examples.SwapCheckpointExample \
 *     image.jpg mask.png out.png models/realistic-vision models/sd15-brushnet/brushnet "a red armchair"
 * </pre>
 *
 * <p>Thread-safety: a program, run once.
 */
public final class SwapCheckpointExample {
    private SwapCheckpointExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        ExampleArgs.require(args.length == 6, SwapCheckpointExample.class, "IMAGE MASK OUT.png CHECKPOINT BRUSHNET_FOLDER \"PROMPT\"");
        RgbImage image = ImageFiles.read(Path.of(args[0]));
        Mask mask = Mask.fromImage(ImageFiles.read(Path.of(args[1])), 128);
        try (Inpainter inpainter = Inpainter.builder()
                .checkpoint(Path.of(args[3]))
                .brushnet(Path.of(args[4]))
                .backend(Inpainter.Backend.BRUSHNET)
                .build()) {
            InpaintRequest request = InpaintRequest.builder().prompt(args[5]).preservationScale(0.8).seed(7).build();
            ImageFiles.write(inpainter.inpaint(image, mask, request).image(), Path.of(args[2]));
        }
    }
}
