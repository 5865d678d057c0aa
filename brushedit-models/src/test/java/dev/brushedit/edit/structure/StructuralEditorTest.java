package dev.brushedit.edit.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Move and resize on the rocket photo (PatchMatch + Poisson) and on the BrushNet stand-in (ring repaint). */
class StructuralEditorTest {
    /** The sample photo (scikit-image's rocket.jpg, public domain) and our mask of the rocket. */
    static final Path ROCKET = Path.of("..", "samples", "rocket.jpg");
    static final Path ROCKET_MASK = Path.of("..", "samples", "rocket-mask.png");
    /** A 240x300 crop around the rocket, and its mask. */
    static final Box CROP = new Box(200, 110, 440, 410);

    static RgbImage rocket() {
        return ImageFiles.read(ROCKET).crop(CROP);
    }

    static Mask rocketMask() {
        return Mask.fromImage(ImageFiles.read(ROCKET_MASK), 128).crop(CROP);
    }

    private static final InpaintRequest REQUEST = InpaintRequest.builder().seed(3).build();

    static void dump(RgbImage image, String name) {
        if (System.getProperty("structural.dump") != null) {
            ImageFiles.write(image, Path.of("target", name + ".png"));
        }
    }

    private static double meanLuma(RgbImage image, Mask region) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (region.get(x, y) >= 0.5f) {
                    int rgb = image.rgb(x, y);
                    sum += (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static void assertUnchangedOutside(RgbImage before, RgbImage after, Mask changed, int margin) {
        Mask far = margin == 0 ? changed : MaskOps.dilate(changed, StructuringElement.square(2 * margin + 1), 1);
        int checked = 0;
        for (int y = 0; y < before.height(); y++) {
            for (int x = 0; x < before.width(); x++) {
                if (far.get(x, y) < 0.5f) {
                    assertThat(after.rgb(x, y)).as("pixel %d,%d", x, y).isEqualTo(before.rgb(x, y));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(before.width() * before.height() / 4);
    }

    @Test
    void movingTheRocketLeftWithoutWeightsFillsItsOldPlaceAndPastesItAtTheNewOne() {
        RgbImage image = rocket();
        Mask mask = rocketMask();
        try (Inpainter pm = Inpainter.builder().build()) {
            StructuralEditor editor = StructuralEditor.builder().inpainter(pm).build();
            StructuralEditResult r = editor.apply(image, mask, ObjectMotion.move(-70, 0), REQUEST, REQUEST,
                    ProgressListener.NONE, null);
            dump(r.image(), "move");
            dump(r.pasted(), "move-pasted");
            dump(r.vacatedFill().image(), "move-fill");
            assertThat(r.harmonisation()).isEqualTo(Harmonisation.POISSON);
            assertThat(r.placement().dx()).isEqualTo(-70);
            assertThat(r.image().width()).isEqualTo(240);
            Mask core = MaskOps.erode(mask.binarize(0.5f), StructuringElement.square(5), 1);
            Mask moved = MaskOps.shift(core, -70, 0);
            Mask oldOnly = MaskOps.difference(core, MaskOps.dilate(moved, StructuringElement.square(9), 1));
            double rocketLuma = meanLuma(image, core);
            double skyLuma = meanLuma(image, Mask.ofBox(240, 300, new Box(20, 20, 60, 120)));
            assertThat(rocketLuma).isGreaterThan(skyLuma + 40);
            assertThat(meanLuma(r.image(), moved)).as("rocket at its new place").isGreaterThan(rocketLuma - 25);
            assertThat(meanLuma(r.image(), oldOnly)).as("old place filled from its surroundings").isLessThan(skyLuma + 45);
            assertUnchangedOutside(image, r.image(), r.changedMask(), 0);
            // intermediates
            assertThat(r.matte().get(322 - 200, 250 - 110)).isEqualTo(1f);
            assertThat(r.liftedObject().width()).isEqualTo(r.liftedMatte().width());
            assertThat(r.vacatedFill().provenance().backend()).isEqualTo("patchmatch");
            assertThat(r.vacatedMask().area()).isGreaterThan(mask.binarize(0.5f).area());
            assertThat(r.placedMatte().get(322 - 200 - 70, 250 - 110)).isEqualTo(1f);
            assertThat(r.seamMask().area()).isGreaterThan(0);
            assertThat(r.seamRepaint()).isEmpty();
        }
    }

    @Test
    void makingTheRocketSmallerKeepsItsFootingAndLeavesNoCopyBehind() {
        RgbImage image = rocket();
        Mask mask = rocketMask();
        try (Inpainter pm = Inpainter.builder().build()) {
            StructuralEditResult r = StructuralEditor.builder().inpainter(pm).build()
                    .apply(image, mask, ObjectMotion.scale(0.6), REQUEST, REQUEST, ProgressListener.NONE, null);
            dump(r.image(), "small");
            Box src = r.placement().source();
            Box dst = r.placement().target();
            assertThat(dst.y1()).isEqualTo(src.y1());
            assertThat(dst.height()).isEqualTo((int) Math.round(src.height() * 0.6));
            // the top of the old rocket (above the new, smaller one) is sky again
            Mask core = MaskOps.erode(mask.binarize(0.5f), StructuringElement.square(5), 1);
            Mask oldTop = MaskOps.intersection(core, Mask.ofBox(240, 300, new Box(src.x0(), src.y0(), src.x1(), dst.y0() - 10)));
            double skyLuma = meanLuma(image, Mask.ofBox(240, 300, new Box(20, 20, 60, 120)));
            assertThat(meanLuma(image, oldTop)).isGreaterThan(skyLuma + 20);
            assertThat(meanLuma(r.image(), oldTop)).as("old rocket top now sky").isLessThan(skyLuma + 8);
            assertUnchangedOutside(image, r.image(), r.changedMask(), 0);
        }
    }

    @Test
    void badInputsAreRefusedBeforeAnyWork() {
        RgbImage image = rocket();
        AtomicInteger steps = new AtomicInteger();
        ProgressListener counting = (step, total, preview) -> steps.incrementAndGet();
        try (Inpainter pm = Inpainter.builder().build()) {
            StructuralEditor editor = StructuralEditor.builder().inpainter(pm).build();
            assertThatThrownBy(() -> editor.apply(image, Mask.full(240, 300), ObjectMotion.toward(-1, 0), REQUEST, REQUEST,
                    counting, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("covers the whole 240x300 image");
            assertThatThrownBy(() -> editor.apply(image, Mask.empty(240, 300), ObjectMotion.toward(-1, 0), REQUEST, REQUEST,
                    counting, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("object mask is empty");
            assertThatThrownBy(() -> editor.apply(image, rocketMask(), ObjectMotion.move(-150, 0), REQUEST, REQUEST,
                    counting, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("moves off the image are refused");
            assertThatThrownBy(() -> editor.apply(image, rocketMask(), ObjectMotion.scale(1.2), REQUEST, REQUEST,
                    counting, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the 240x300 image");
            assertThatThrownBy(() -> editor.apply(image, Mask.empty(10, 10), ObjectMotion.scale(2), REQUEST, REQUEST,
                    counting, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("must equal image size 240x300");
            assertThat(steps.get()).as("no inpainting ran").isZero();
            assertThatThrownBy(() -> StructuralEditor.builder().inpainter(pm).harmonisation(Harmonisation.DIFFUSION_RING).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a diffusion inpainter");
        }
    }

    @Test
    void withADiffusionBackendTheVacatedAreaAndTheRingAreRepaintedByIt() {
        RgbImage image = rocket().crop(new Box(56, 10, 184, 138));
        Mask mask = rocketMask().crop(new Box(56, 10, 184, 138));
        InpaintRequest fast = InpaintRequest.builder().prompt("night sky").steps(2).seed(1).scheduler(SchedulerType.DDIM)
                .strategy(LargeImageStrategy.original()).build();
        try (Inpainter diffusion = Inpainter.builder().checkpoint(Path.of("src/test/resources/standins/sd15-tiny-brushnet")).build()) {
            StructuralEditor editor = StructuralEditor.builder().inpainter(diffusion).build();
            assertThat(editor.harmonisation()).isEqualTo(Harmonisation.DIFFUSION_RING);
            StructuralEditResult r = editor.apply(image, mask, ObjectMotion.move(30, 0), fast, fast, ProgressListener.NONE, null);
            assertThat(r.image().width()).isEqualTo(128);
            assertThat(r.image().height()).isEqualTo(128);
            assertThat(r.seamRepaint()).isPresent();
            assertThat(r.seamRepaint().get().provenance().backend()).isEqualTo("brushnet-fused");
            assertThat(r.vacatedFill().provenance().backend()).isEqualTo("brushnet-fused");
            assertThat(r.harmonisation()).isEqualTo(Harmonisation.DIFFUSION_RING);
            assertUnchangedOutside(image, r.image(), r.changedMask(), 11);
        }
    }
}
