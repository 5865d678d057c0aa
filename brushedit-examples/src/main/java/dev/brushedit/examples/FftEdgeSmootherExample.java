package dev.brushedit.examples;

import dev.brushedit.blend.FftEdgeSmoother;
import dev.brushedit.blend.SmoothedEdit;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.nio.file.Path;

/**
 * Smooths the seam of an edit with ZONE's FFT edge smoother: the original, the edited image and the
 * edited object's mask in, the composited image and the smoothed mask out.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.examples.FftEdgeSmootherExample original.png edited.png mask.png out.png
 * </pre>
 *
 * <p>Thread-safety: a program, run once.
 */
public final class FftEdgeSmootherExample {
    private FftEdgeSmootherExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        ExampleArgs.require(args.length == 4, FftEdgeSmootherExample.class, "ORIGINAL EDITED MASK OUT.png");
        RgbImage original = ImageFiles.read(Path.of(args[0]));
        RgbImage edited = ImageFiles.read(Path.of(args[1]));
        Mask mask = Mask.fromImage(ImageFiles.read(Path.of(args[2])), 128);
        SmoothedEdit result = FftEdgeSmoother.builder().threshold(30).build().smooth(original, edited, mask);
        ImageFiles.write(result.image(), Path.of(args[3]));
        System.out.println("smoothed mask covers " + result.mask().area() + " pixels (object mask " + mask.area() + ")");
    }
}
