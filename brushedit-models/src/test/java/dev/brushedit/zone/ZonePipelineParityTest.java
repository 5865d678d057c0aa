package dev.brushedit.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.blend.ZoneMode;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.ZoneAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ZONE's post-processing chain against ZONE's own code: the inputs (a 160x112 crop of the cat photo, the
 * fused edit and coarse mask of ip2p-tiny + magicbrush-tiny, SAM's segments from segment-tiny) were recorded
 * from a {@link ZoneEditor} run; tools/parity/zone_pipeline_parity.py ran ZONE's inference.py chain on them
 * (filter, Region-IoU pick, filter, 4 dilations, composite by mode, edge smoother). In REFERENCE mode every
 * output matches pixel for pixel.
 */
class ZonePipelineParityTest {
    static final Path DIR = Path.of("src", "test", "resources", "zone-pipeline");

    static Mask mask(Path p) {
        return Mask.fromImage(ImageFiles.read(p), 128);
    }

    @ParameterizedTest
    @CsvSource({"change, make the cat a golden statue", "remove, remove the cat", "add, add a hat on the cat"})
    void referenceModeMatchesZonesInferenceChainPixelForPixel(String name, String instruction) throws IOException {
        Path c = DIR.resolve(name);
        RgbImage source = ImageFiles.read(c.resolve("source.png"));
        RgbImage edited = ImageFiles.read(c.resolve("edited.png"));
        Mask coarse = mask(c.resolve("coarse.png"));
        List<Mask> segments;
        try (Stream<Path> files = Files.list(c)) {
            segments = files.filter(p -> p.getFileName().toString().startsWith("segment_")).sorted().map(ZonePipelineParityTest::mask)
                    .toList();
        }
        ZoneAction action = ZoneAction.valueOf(Files.readString(c.resolve("action.txt")).strip());
        LocalisedEditor recorded = (image, request, a, listener, cancel) -> new FusedInstructPix2Pix.Localised(
                new InpaintResult(List.of(edited), Mask.full(image.width(), image.height()), ZoneEditorTest.fusedProvenance(request)),
                coarse);
        ZoneResult r = ZoneEditor.builder().localisedEditor(recorded).segmentSource(image -> segments).mode(ZoneMode.REFERENCE)
                .build().edit(source, instruction);
        assertThat(r.action()).isEqualTo(action);
        assertThat(r.fineMask().sameValues(mask(c.resolve("expected_fine.png")))).as("fine mask").isTrue();
        assertThat(r.fineMask().isEmpty()).isFalse();
        assertThat(r.dilatedMask().sameValues(mask(c.resolve("expected_dilated.png")))).as("dilated mask").isTrue();
        RgbImage composite = ImageFiles.read(c.resolve("expected_composite.png"));
        assertThat(r.composite().samePixels(composite)).as("composite").isTrue();
        assertThat(r.smoothed().mask().sameValues(mask(c.resolve("expected_smoothed_mask.png")))).as("smoothed mask").isTrue();
        assertThat(r.image().samePixels(ImageFiles.read(c.resolve("expected_fft.png")))).as("final image").isTrue();
        // the comparison can fail: the other action's composite rule differs from ZONE's
        Mask other = action == ZoneAction.REMOVE ? r.fineMask() : r.dilatedMask();
        assertThat(ZoneCompositor.paste(source, edited, other).samePixels(composite)).isFalse();
    }
}
