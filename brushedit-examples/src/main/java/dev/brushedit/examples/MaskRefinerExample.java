package dev.brushedit.examples;

import dev.brushedit.blend.MaskRefiner;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refines a coarse mask with ZONE's Region-IoU selection among candidate segments (for example masks
 * from SAM's automatic mask generator saved as images).
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.examples.MaskRefinerExample coarse.png out.png segment1.png segment2.png ...
 * </pre>
 *
 * <p>Thread-safety: a program, run once.
 */
public final class MaskRefinerExample {
    private MaskRefinerExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        ExampleArgs.require(args.length >= 3, MaskRefinerExample.class, "COARSE_MASK OUT.png SEGMENT.png [SEGMENT.png ...]");
        Mask coarse = Mask.fromImage(ImageFiles.read(Path.of(args[0])), 128);
        List<Mask> candidates = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            candidates.add(Mask.fromImage(ImageFiles.read(Path.of(args[i])), 128));
        }
        Mask refined = MaskRefiner.builder().unionThreshold(0.9).fillHoles(true).build().refine(coarse, candidates);
        ImageFiles.write(refined.toImage(), Path.of(args[1]));
        System.out.println("refined mask: " + refined.area() + " pixels from " + candidates.size() + " candidates");
    }
}
