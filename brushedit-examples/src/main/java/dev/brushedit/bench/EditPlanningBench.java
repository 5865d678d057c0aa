package dev.brushedit.bench;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.MaskPolicy;
import dev.brushedit.edit.OfflineInstructor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The editor's CPU stages besides inpainting: the offline instructor planning eight instructions
 * (one per grammar branch, two misspelt), and the mask policy on a 512x512 image (REMOVE: 20 px
 * square dilation; BACKGROUND: inversion).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EditPlanningBench {
    private static final List<String> INSTRUCTIONS = List.of("Could you please remove the red car?", "add a hat on the left",
            "replace the cat with a dog", "make the sky purple", "change the background to a beach", "make it winter",
            "rmeove the lamp post", "chnage the dog into a wolf");

    private OfflineInstructor instructor;
    private RgbImage image;
    private Mask object;
    private EditPlan remove;
    private EditPlan background;

    /** Builds the inputs. */
    @Setup
    public void setUp() {
        instructor = OfflineInstructor.create();
        image = RgbImage.filled(512, 512, 10, 20, 30);
        object = Mask.ofBox(512, 512, new Box(150, 180, 330, 400));
        remove = new EditPlan(EditCategory.REMOVE, "car", "empty background", Optional.empty(), "remove the car");
        background = new EditPlan(EditCategory.BACKGROUND, "car", "a beach", Optional.empty(), "put the car on a beach");
    }

    /** Plans the eight instructions. */
    @Benchmark
    public void planEight(Blackhole bh) {
        for (String s : INSTRUCTIONS) {
            bh.consume(instructor.plan(image, s));
        }
    }

    /** REMOVE mask: binarise and dilate with a 20x20 square. */
    @Benchmark
    public Mask removeMask512() {
        return MaskPolicy.defaults().editMask(image, remove, object);
    }

    /** BACKGROUND mask: binarise and invert. */
    @Benchmark
    public Mask backgroundMask512() {
        return MaskPolicy.defaults().editMask(image, background, object);
    }
}
