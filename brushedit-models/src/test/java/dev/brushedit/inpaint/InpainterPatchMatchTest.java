package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Inpainter's front (validation, regions, blending, provenance) over the weight-free backend. */
class InpainterPatchMatchTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    static RgbImage stripes(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) ((x / 4) % 2 == 0 ? 200 : 40);
                px[i + 1] = (byte) (y * 255 / h);
                px[i + 2] = 90;
            }
        }
        return RgbImage.of(w, h, px);
    }

    private static Inpainter patchMatch() {
        return Inpainter.builder().clock(FIXED).seeds(() -> 1234L).build();
    }

    @Test
    void withoutACheckpointItUsesPatchMatchAndKeepsPixelsBeyondTheBlendRadius() {
        RgbImage image = stripes(96, 80);
        Mask mask = Mask.ofBox(96, 80, new Box(40, 30, 56, 46));
        try (Inpainter inpainter = patchMatch()) {
            InpaintResult result = inpainter.inpaint(image, mask, "ignored by PatchMatch");
            assertThat(inpainter.backendName()).isEqualTo("patchmatch");
            RgbImage out = result.image();
            assertThat(out.width()).isEqualTo(96);
            int radius = BlendOptions.DEFAULT.kernelSize() / 2;
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 96; x++) {
                    boolean far = x < 40 - radius || x >= 56 + radius || y < 30 - radius || y >= 46 + radius;
                    if (far) {
                        assertThat(out.rgb(x, y)).as("pixel %d,%d", x, y).isEqualTo(image.rgb(x, y));
                    }
                }
            }
            assertThat(result.maskUsed().sameValues(mask)).isTrue();
            Provenance p = result.provenance();
            assertThat(p.backend()).isEqualTo("patchmatch");
            assertThat(p.seed()).isEqualTo(1234L);
            assertThat(p.createdAt()).isEqualTo(FIXED.instant());
            assertThat(p.stageTimings()).containsKeys("prepare", "patchmatch", "blend");
            assertThat(p.modelHashes()).isEmpty();
        }
    }

    @Test
    void theSameSeedGivesTheSameImage() {
        RgbImage image = stripes(64, 64);
        Mask mask = Mask.ofBox(64, 64, new Box(20, 20, 40, 40));
        InpaintRequest request = InpaintRequest.builder().seed(5).build();
        try (Inpainter a = patchMatch(); Inpainter b = patchMatch()) {
            assertThat(a.inpaint(image, mask, request).image().samePixels(b.inpaint(image, mask, request).image())).isTrue();
        }
    }

    @Test
    void anEmptyMaskReturnsTheImageUnchanged() {
        RgbImage image = stripes(32, 32);
        try (Inpainter inpainter = patchMatch()) {
            InpaintResult r = inpainter.inpaint(image, Mask.empty(32, 32), "x");
            assertThat(r.image()).isSameAs(image);
            assertThat(r.provenance().backend()).isEqualTo("none");
        }
    }

    @Test
    void hardPasteChangesOnlyMaskedPixels() {
        RgbImage image = stripes(64, 48);
        Mask mask = Mask.ofBox(64, 48, new Box(10, 10, 20, 20));
        InpaintRequest request = InpaintRequest.builder().blend(BlendOptions.HARD).seed(1).build();
        try (Inpainter inpainter = patchMatch()) {
            RgbImage out = inpainter.inpaint(image, mask, request).image();
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    if (mask.get(x, y) == 0f) {
                        assertThat(out.rgb(x, y)).isEqualTo(image.rgb(x, y));
                    }
                }
            }
        }
    }

    @Test
    void progressIsReportedAndCancellationStopsTheWork() {
        RgbImage image = stripes(48, 48);
        Mask mask = Mask.ofBox(48, 48, new Box(10, 10, 30, 30));
        List<String> steps = new ArrayList<>();
        InpaintRequest two = InpaintRequest.builder().numOutputs(2).seed(3).build();
        try (Inpainter inpainter = patchMatch()) {
            InpaintResult r = inpainter.inpaint(image, mask, two, (step, total, preview) -> steps.add(step + "/" + total), null);
            assertThat(steps).containsExactly("1/2", "2/2");
            assertThat(r.images()).hasSize(2);
            CancellationToken token = new CancellationToken();
            token.cancel();
            assertThatThrownBy(() -> inpainter.inpaint(image, mask, two, ProgressListener.NONE, token))
                    .isInstanceOf(CancelledException.class).hasMessageContaining("cancelled");
        }
    }

    @Test
    void badInputIsRejectedBeforeAnyWork() {
        RgbImage image = stripes(32, 32);
        try (Inpainter inpainter = patchMatch()) {
            assertThatThrownBy(() -> inpainter.inpaint(image, Mask.full(16, 16), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("16x16").hasMessageContaining("32x32");
            assertThatThrownBy(() -> inpainter.inpaint(image, Mask.full(32, 32), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole image");
            assertThatThrownBy(() -> inpainter.inpaint(null, Mask.full(32, 32), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("image");
        }
        try (Inpainter small = Inpainter.builder().limits(InputLimits.builder().maxPixels(500).build()).build()) {
            assertThatThrownBy(() -> small.inpaint(image, Mask.empty(32, 32), "x"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("1024");
        }
        assertThatThrownBy(() -> Inpainter.builder().backend(Inpainter.Backend.BRUSHNET).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("checkpoint");
    }
}
