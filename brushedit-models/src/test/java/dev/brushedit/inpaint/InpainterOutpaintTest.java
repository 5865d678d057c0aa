package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.outpaint.OutpaintExtension;
import dev.brushedit.inpaint.outpaint.Sides;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Inpainter.outpaint on a real photo (PatchMatch) and on the diffusion stand-ins. */
class InpainterOutpaintTest {
    /** The repository's sample photo (scikit-image's rocket.jpg, public domain), 640x427. */
    static final Path ROCKET = Path.of("..", "samples", "rocket.jpg");

    static RgbImage rocketQuarter() {
        RgbImage full = ImageFiles.read(ROCKET);
        return full.crop(new Box(160, 100, 480, 313));
    }

    /** Asserts the original is kept byte for byte on the canvas except within {@code seam} of an extended edge. */
    static void assertInteriorKept(RgbImage image, RgbImage out, Sides s, int seam) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                boolean nearSeam = s.left() > 0 && x < seam || s.right() > 0 && x >= image.width() - seam
                        || s.top() > 0 && y < seam || s.bottom() > 0 && y >= image.height() - seam;
                if (!nearSeam) {
                    assertThat(out.rgb(x + s.left(), y + s.top())).as("pixel %d,%d", x, y).isEqualTo(image.rgb(x, y));
                }
            }
        }
    }

    @Test
    void patchMatchExtendsARealPhotoKeepingTheInteriorAndFillingTheNewAreaWithImageColours() {
        RgbImage image = rocketQuarter();
        OutpaintExtension ext = OutpaintExtension.pixels(48, 0, 32, 24);
        try (Inpainter inpainter = Inpainter.builder().seeds(() -> 7L).build()) {
            OutpaintResult r = inpainter.outpaint(image, ext);
            RgbImage out = r.image();
            assertThat(out.width()).isEqualTo(320 + 80);
            assertThat(out.height()).isEqualTo(213 + 24);
            assertThat(r.sides()).isEqualTo(new Sides(48, 0, 32, 24));
            assertInteriorKept(image, out, r.sides(), ext.seamWidth());
            // the new area is filled with colours of the photo (a dark blue sky): no black, no grey fill
            int black = 0;
            double blue = 0;
            int n = 0;
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    if (!inside(r, x, y)) {
                        int rgb = out.rgb(x, y);
                        if (rgb == 0) {
                            black++;
                        }
                        blue += (rgb & 0xff) - ((rgb >> 16) & 0xff);
                        n++;
                    }
                }
            }
            assertThat(black).isZero();
            assertThat(blue / n).as("mean blue minus red of the new area").isGreaterThan(20);
            // the seam band was repainted and cross-faded: some band pixels differ from the original
            int changed = 0;
            for (int y = 0; y < image.height(); y++) {
                if (out.rgb(48 + 2, y) != image.rgb(2, y)) {
                    changed++;
                }
            }
            assertThat(changed).isPositive();
            assertThat(r.canvas().canvas().rgb(0, 100)).as("mirror fill").isEqualTo(image.rgb(47, 100));
            assertThat(r.provenance().backend()).isEqualTo("patchmatch");
            assertThat(r.provenance().workRegion()).contains("outpaint left 48, top 0, right 32, bottom 24").contains("400x237");
            assertThat(r.provenance().stageTimings()).containsKeys("patchmatch", "seam");
        }
    }

    private static boolean inside(OutpaintResult r, int x, int y) {
        Box b = r.canvas().originalBox();
        return x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1();
    }

    @Test
    void anAspectRatioTheImageAlreadyHasReturnsItUnchangedAndOversizedCanvasesAreRefusedFirst() {
        RgbImage image = RgbImage.filled(64, 36, 10, 20, 30);
        try (Inpainter inpainter = Inpainter.builder().limits(InputLimits.builder().maxPixels(64 * 64).build()).build()) {
            OutpaintResult same = inpainter.outpaint(image, OutpaintExtension.aspect("16:9"));
            assertThat(same.image().samePixels(image)).isTrue();
            assertThat(same.provenance().backend()).isEqualTo("none");
            assertThatThrownBy(() -> inpainter.outpaint(image, OutpaintExtension.pixels(0, 0, 0, 40)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("outpainting canvas of 64x76");
        }
    }

    private static final InpaintRequest FAST = InpaintRequest.builder().prompt("a night sky").steps(3).seed(5)
            .scheduler(SchedulerType.DDIM).strategy(LargeImageStrategy.original()).build();

    @Test
    void brushNetStandInOutpaintsWithABlackHoleAndKeepsTheInterior() {
        RgbImage image = rocketQuarter().crop(new Box(0, 0, 96, 64));
        OutpaintExtension ext = OutpaintExtension.builder().left(16).right(16).seamWidth(8).build();
        try (Inpainter inpainter = Inpainter.builder().checkpoint(InpainterDiffusionTest.BRUSHNET).build()) {
            OutpaintResult r = inpainter.outpaint(image, ext, FAST);
            assertThat(r.image().width()).isEqualTo(128);
            assertThat(r.image().height()).isEqualTo(64);
            assertThat(r.canvas().canvas().rgb(3, 10)).as("BrushNet's black hole").isZero();
            assertInteriorKept(image, r.image(), r.sides(), 8);
            assertThat(r.provenance().backend()).isEqualTo("brushnet-fused");
            assertThat(r.provenance().workRegion()).contains("fill BLACK");
            assertThat(r.generated().images()).hasSize(1);
        }
    }

    @Test
    void sdInpaintingStandInOutpaintsToAnAspectRatioWithAGreyHole() {
        RgbImage image = rocketQuarter().crop(new Box(0, 0, 64, 64));
        try (Inpainter inpainter = Inpainter.builder()
                .checkpoint(InpainterDiffusionTest.STANDINS.resolve("sd15-tiny-inpaint")).build()) {
            OutpaintResult r = inpainter.outpaint(image, OutpaintExtension.aspect(2, 1), FAST);
            assertThat(r.sides()).isEqualTo(new Sides(32, 0, 32, 0));
            assertThat(r.image().width()).isEqualTo(128);
            assertThat(r.canvas().canvas().rgb(0, 0)).isEqualTo(0x808080);
            assertInteriorKept(image, r.image(), r.sides(), OutpaintExtension.DEFAULT_SEAM_WIDTH);
            assertThat(r.provenance().backend()).isEqualTo("sd-inpainting");
        }
    }
}
