package dev.brushedit.pix2pix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.StandIns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructPix2PixTest {
    @TempDir
    Path tmp;

    private static RgbImage gradient(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (x * 255 / w);
                rgb[i + 1] = (byte) (y * 255 / h);
                rgb[i + 2] = (byte) ((x + y) % 256);
            }
        }
        return RgbImage.of(w, h, rgb);
    }

    private static Pix2PixRequest fast(String instruction) {
        return Pix2PixRequest.builder().instruction(instruction).steps(3).seed(11).build();
    }

    @Test
    void aFolderWhoseUnetHasTheWrongChannelCountIsRefusedAtBuild() {
        for (String name : List.of(StandIns.TINY, StandIns.INPAINT, StandIns.BRUSHNET)) {
            Path folder = StandIns.folder(name);
            assertThatThrownBy(() -> InstructPix2Pix.builder().checkpoint(folder).build()).isInstanceOf(ModelException.class)
                    .hasMessageContaining("unet/model.onnx has ").hasMessageContaining("input channels; InstructPix2Pix needs the "
                            + "8-channel UNet");
        }
    }

    @Test
    void aLegacyVaeOrMissingPartsOrNoCheckpointAreRefused() {
        assertThatThrownBy(() -> InstructPix2Pix.builder().build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checkpoint");
        Path copy = StandIns.copy("ip2p-tiny", tmp.resolve("legacy"));
        try {
            java.nio.file.Files.copy(StandIns.folder(StandIns.LEGACY).resolve("vae_encoder/model.onnx"),
                    copy.resolve("vae_encoder/model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> InstructPix2Pix.builder().checkpoint(copy).build()).isInstanceOf(ModelException.class)
                    .hasMessageContaining("legacy");
            java.nio.file.Files.delete(copy.resolve("vae_decoder/model.onnx"));
            assertThatThrownBy(() -> InstructPix2Pix.builder().checkpoint(copy).build()).isInstanceOf(ModelException.class)
                    .hasMessageContaining("VAE_DECODER");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void requestsValidateEachSetter() {
        assertThatThrownBy(() -> Pix2PixRequest.builder().steps(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> Pix2PixRequest.builder().imageGuidanceScale(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("imageGuidanceScale");
        assertThatThrownBy(() -> Pix2PixRequest.builder().guidanceScale(51)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Pix2PixRequest.builder().instruction(null)).isInstanceOf(InvalidInputException.class);
        assertThat(Pix2PixRequest.of("x").guided()).isTrue();
        assertThat(Pix2PixRequest.builder().imageGuidanceScale(0.9).build().guided()).isFalse();
        assertThat(Pix2PixRequest.builder().guidanceScale(1.0).build().guided()).isFalse();
    }

    @Test
    void threeWayGuidanceIsDiffusersFormulaOnTextImageUncondOrder() {
        // batch [text, image-only, uncond]
        Tensor eps = Tensor.of(new float[] {3f, -1f, 2f, 0.5f, 1f, 1f}, 3, 2);
        Tensor g = Pix2PixPipeline.guide(eps, 7.5f, 1.5f);
        assertThat(g.shape()).containsExactly(1, 2);
        assertThat(g.getFlat(0)).isEqualTo(1f + 7.5f * (3f - 2f) + 1.5f * (2f - 1f));
        assertThat(g.getFlat(1)).isEqualTo(1f + 7.5f * (-1f - 0.5f) + 1.5f * (0.5f - 1f));
    }

    @Test
    void editsTheWholeImageReportsProgressAndKeepsTheSizeUnderEveryStrategy() {
        try (InstructPix2Pix ip2p = InstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny")).build()) {
            RgbImage image = gradient(150, 100);
            List<Integer> steps = new ArrayList<>();
            ProgressListener listener = (step, total, preview) -> steps.add(step);
            for (LargeImageStrategy s : List.of(LargeImageStrategy.original(), LargeImageStrategy.resize(64),
                    LargeImageStrategy.crop(16, 128))) {
                steps.clear();
                InpaintResult r = ip2p.edit(image, fast("make it winter").toBuilder().strategy(s).build(), listener, null);
                assertThat(r.image().width()).isEqualTo(150);
                assertThat(r.image().height()).isEqualTo(100);
                assertThat(steps).containsExactly(1, 2, 3);
                assertThat(r.provenance().workRegion()).startsWith("whole image 150x100");
                assertThat(r.image().samePixels(image)).isFalse();
            }
            InpaintResult a = ip2p.edit(image, fast("make it winter"));
            InpaintResult b = ip2p.edit(image, fast("make it winter"));
            InpaintResult c = ip2p.edit(image, fast("turn it into a watercolor"));
            assertThat(a.image().samePixels(b.image())).isTrue();
            assertThat(a.image().samePixels(c.image())).isFalse();
            assertThat(a.provenance().seed()).isEqualTo(11);
        }
    }

    @Test
    void blankInstructionsAndCancellationStopBeforeWork() {
        try (InstructPix2Pix ip2p = InstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny")).build()) {
            RgbImage image = gradient(64, 64);
            assertThatThrownBy(() -> ip2p.edit(image, " ")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("instruction");
            CancellationToken token = new CancellationToken();
            List<Integer> seen = new ArrayList<>();
            ProgressListener cancelAfterFirst = (step, total, preview) -> {
                seen.add(step);
                token.cancel();
            };
            assertThatThrownBy(() -> ip2p.edit(image, fast("make it winter"), cancelAfterFirst, token))
                    .isInstanceOf(CancelledException.class).hasMessage("InstructPix2Pix edit cancelled before step 2 of 3");
            assertThat(seen).containsExactly(1);
        }
    }
}
