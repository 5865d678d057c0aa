package dev.brushedit.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReferenceInpainter's behaviour on the mimicbrush-tiny stand-in: results, provenance, strategies and refusals. */
class ReferenceInpainterTest {
    private static ReferenceInpainter mimic;
    private static RgbImage image;
    private static Mask mask;
    private static RgbImage reference;

    @BeforeAll
    static void open() throws IOException {
        mimic = ReferenceInpainter.builder().checkpoint(ReferenceInpainterParityTest.STANDIN).build();
        image = ImageFiles.read(ReferenceInpainterParityTest.REF.resolve("source.png"));
        mask = Mask.fromImage(ImageFiles.read(ReferenceInpainterParityTest.REF.resolve("mask.png")), 129);
        reference = ImageFiles.read(ReferenceInpainterParityTest.REF.resolve("reference.png"));
    }

    @AfterAll
    static void close() {
        mimic.close();
    }

    private static ReferenceRequest.Builder request() {
        return ReferenceRequest.builder().reference(reference).steps(2).seed(3);
    }

    @Test
    void fillsOnlyAroundTheHoleAndRecordsProvenance() {
        List<Integer> steps = new ArrayList<>();
        InpaintResult r = mimic.inpaint(image, mask, request().build(), (s, total, preview) -> steps.add(s), null);
        RgbImage out = r.image();
        assertThat(out.width()).isEqualTo(120);
        assertThat(out.height()).isEqualTo(80);
        assertThat(steps).containsExactly(1, 2);
        // far from the hole (the blurred edge reaches about 10 pixels) the source is kept exactly
        assertThat(out.rgb(2, 2)).isEqualTo(image.rgb(2, 2));
        assertThat(out.rgb(118, 78)).isEqualTo(image.rgb(118, 78));
        // inside the hole the generated content replaces it
        int changed = 0;
        for (int y = 30; y < 55; y++) {
            for (int x = 55; x < 80; x++) {
                changed += out.rgb(x, y) != image.rgb(x, y) ? 1 : 0;
            }
        }
        assertThat(changed).isGreaterThan(500);
        assertThat(r.provenance().backend()).isEqualTo(ReferenceInpainter.BACKEND);
        assertThat(r.provenance().seed()).isEqualTo(3);
        assertThat(r.provenance().settings()).containsEntry("keepShape", "false").containsEntry("reference", "72x96");
        assertThat(r.provenance().modelHashes()).containsKeys("mimicbrush_unet/model.onnx", "image_encoder/model.onnx");
        assertThat(r.provenance().scheduler()).isEqualTo("DDIMScheduler");
    }

    @Test
    void sameSeedSameResultAndTheReferenceMatters() {
        RgbImage a = mimic.inpaint(image, mask, request().build()).image();
        RgbImage b = mimic.inpaint(image, mask, request().build()).image();
        RgbImage other = mimic.inpaint(image, mask, request().reference(RgbImage.filled(40, 40, 250, 10, 10)).build()).image();
        assertThat(a.samePixels(b)).isTrue();
        assertThat(a.samePixels(other)).isFalse();
    }

    @Test
    void cropStrategyKeepsEverythingOutsideTheCrop() {
        RgbImage big = RgbImage.filled(300, 200, 30, 120, 200);
        Mask hole = Mask.ofBox(300, 200, new Box(200, 120, 240, 160));
        InpaintResult r = mimic.inpaint(big, hole, request().strategy(LargeImageStrategy.crop(16, 512)).build());
        assertThat(r.image().rgb(100, 50)).isEqualTo(big.rgb(100, 50));
        assertThat(r.image().rgb(220, 140)).isNotEqualTo(big.rgb(220, 140));
        assertThat(r.provenance().workRegion()).startsWith("crop ");
    }

    @Test
    void refusesBadRequestsBeforeAnyWork() {
        assertThatThrownBy(() -> mimic.inpaint(image, mask, ReferenceRequest.builder().build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no reference image");
        assertThatThrownBy(() -> mimic.inpaint(image, Mask.empty(120, 80), request().build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mask is empty");
        assertThatThrownBy(() -> mimic.inpaint(image, Mask.empty(60, 80), request().build()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReferenceRequest.builder().guidanceScale(1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("guidanceScale must be above 1");
        assertThatThrownBy(() -> ReferenceRequest.builder().steps(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> ReferenceRequest.builder().reference(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReferenceInpainter.builder().build()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cancellationStopsAtTheNextStep() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> mimic.inpaint(image, mask, request().build(), dev.brushedit.inpaint.ProgressListener.NONE, token))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void keepShapeWithoutTheDepthModelIsRefused(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("no-depth");
        try (Stream<Path> files = Files.walk(ReferenceInpainterParityTest.STANDIN)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = ReferenceInpainterParityTest.STANDIN.relativize(f);
                if (rel.startsWith("depth") && !rel.startsWith("depth_guider")) {
                    continue;
                }
                Path to = copy.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        try (ReferenceInpainter noDepth = ReferenceInpainter.builder().checkpoint(copy).build()) {
            assertThat(noDepth.canKeepShape()).isFalse();
            assertThatThrownBy(() -> noDepth.inpaint(image, mask, request().keepShape(true).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("keepShape needs the depth model");
            assertThat(noDepth.inpaint(image, mask, request().steps(1).build()).image().width()).isEqualTo(120);
        }
    }

    @Test
    void refusesAFolderThatIsNotMimicBrush() {
        assertThatThrownBy(() -> ReferenceInpainter.builder().checkpoint(Path.of("src/test/resources/standins/sd15-tiny")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("mimicbrush_unet");
    }
}
