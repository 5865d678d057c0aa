package dev.brushedit.examples;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import java.nio.file.Path;

/**
 * Inpaints an image through a mask. With a checkpoint folder it runs BrushNet on the prompt; without
 * one it uses PatchMatch.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.examples.InpainterExample image.jpg mask.png out.png [checkpoint "prompt"]
 * </pre>
 *
 * <p>Thread-safety: a program, run once.
 */
public final class InpainterExample {
    private InpainterExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        ExampleArgs.require(args.length == 3 || args.length == 5, InpainterExample.class, "IMAGE MASK OUT.png [CHECKPOINT \"PROMPT\"]");
        RgbImage image = ImageFiles.read(Path.of(args[0]));
        Mask mask = Mask.fromImage(ImageFiles.read(Path.of(args[1])), 128);
        Inpainter.Builder builder = Inpainter.builder();
        String prompt = "";
        if (args.length >= 5) {
            builder.checkpoint(Path.of(args[3]));
            prompt = args[4];
        }
        try (Inpainter inpainter = builder.build()) {
            InpaintRequest request = InpaintRequest.builder().prompt(prompt).steps(30).seed(42).build();
            InpaintResult result = inpainter.inpaint(image, mask, request);
            ImageFiles.write(result.image(), Path.of(args[2]));
            System.out.println("backend " + result.provenance().backend() + ", took " + result.provenance().totalTime());
        }
    }
}
