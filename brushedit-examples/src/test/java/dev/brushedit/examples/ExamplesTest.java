package dev.brushedit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples run on small inputs, so they cannot rot. */
class ExamplesTest {
    static final Path BRUSHNET = Path.of("..", "brushedit-models", "src", "test", "resources", "standins", "sd15-tiny-brushnet");

    @TempDir
    Path dir;

    private Path image;
    private Path mask;

    @BeforeEach
    void inputs() {
        byte[] px = new byte[64 * 64 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 3 == 0 ? (i / 3) % 64 * 4 : 80);
        }
        image = dir.resolve("image.png");
        mask = dir.resolve("mask.png");
        ImageFiles.write(RgbImage.of(64, 64, px), image);
        ImageFiles.write(Mask.ofBox(64, 64, new Box(20, 20, 40, 40)).toImage(), mask);
    }

    @Test
    void aWrongArgumentCountGivesTheUsageLine() {
        assertThatThrownBy(() -> EditSessionExample.main(new String[0])).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("usage: java -cp").hasMessageContaining("EditSessionExample IMAGE OUT.png");
        assertThatThrownBy(() -> FftEdgeSmootherExample.main(new String[] {"a"})).hasMessageContaining("usage:");
        assertThatThrownBy(() -> MaskRefinerExample.main(new String[] {"a", "b"})).hasMessageContaining("usage:");
        assertThatThrownBy(() -> SwapCheckpointExample.main(new String[0])).hasMessageContaining("usage:");
        // a checkpoint without its prompt is refused, not silently replaced by PatchMatch
        Path out = dir.resolve("never.png");
        assertThatThrownBy(() -> InpainterExample.main(new String[] {image.toString(), mask.toString(), out.toString(),
            BRUSHNET.toString()})).hasMessageContaining("[CHECKPOINT \"PROMPT\"]");
        assertThat(out).doesNotExist();
    }

    @Test
    void inpainterExampleRunsWithPatchMatchAndWithBrushNet() {
        Path out = dir.resolve("out.png");
        InpainterExample.main(new String[] {image.toString(), mask.toString(), out.toString()});
        assertThat(ImageFiles.read(out).width()).isEqualTo(64);
        Path out2 = dir.resolve("out2.png");
        InpainterExample.main(new String[] {image.toString(), mask.toString(), out2.toString(), BRUSHNET.toString(), "a cat"});
        assertThat(ImageFiles.read(out2).samePixels(ImageFiles.read(out))).isFalse();
    }

    @Test
    void swapCheckpointExamplePairsAUnetWithABrushNetFolder() {
        Path out = dir.resolve("swap.png");
        SwapCheckpointExample.main(new String[] {image.toString(), mask.toString(), out.toString(), BRUSHNET.toString(),
            BRUSHNET.resolve("brushnet").toString(), "a red armchair"});
        assertThat(ImageFiles.read(out).height()).isEqualTo(64);
    }

    @Test
    void editSessionExampleRunsItsTurnsUndoRedoAndRerun() {
        Path out = dir.resolve("session.png");
        EditSessionExample.main(new String[] {image.toString(), out.toString()});
        assertThat(ImageFiles.read(out).samePixels(ImageFiles.read(image))).isFalse();
    }

    @Test
    void blendExamplesRun() {
        Path smoothed = dir.resolve("smoothed.png");
        FftEdgeSmootherExample.main(new String[] {image.toString(), mask.toString(), mask.toString(), smoothed.toString()});
        assertThat(ImageFiles.read(smoothed).width()).isEqualTo(64);
        Path segment = dir.resolve("segment.png");
        ImageFiles.write(Mask.ofBox(64, 64, new Box(18, 18, 42, 42)).toImage(), segment);
        Path refined = dir.resolve("refined.png");
        MaskRefinerExample.main(new String[] {mask.toString(), refined.toString(), segment.toString()});
        assertThat(Mask.fromImage(ImageFiles.read(refined), 128).area()).isEqualTo(24L * 24L);
    }
}
