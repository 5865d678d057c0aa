package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brushedit edit} through the weight-free executors, and {@code --executor}. */
class EditCommandExecutorTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;

    /** A gray picture with a red square at (20..32, 16..28). */
    @BeforeEach
    void writeImage() {
        byte[] px = new byte[64 * 48 * 3];
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int i = (y * 64 + x) * 3;
                boolean red = x >= 20 && x < 32 && y >= 16 && y < 28;
                px[i] = (byte) (red ? 230 : 120);
                px[i + 1] = (byte) (red ? 10 : 120 + (x % 4));
                px[i + 2] = (byte) (red ? 10 : 120);
            }
        }
        image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.of(64, 48, px), image);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aColourChangeRunsWithoutAModelAndSaysWhichExecutorRan() {
        Path output = dir.resolve("blue.png");
        int code = run("edit", "make the square blue", "-i", image.toString(), "--box", "20,16,32,28", "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: recolour").contains("blue (#0000ff)");
        RgbImage result = ImageFiles.read(output);
        assertThat(result.channel(26, 22, 2)).isGreaterThan(result.channel(26, 22, 0) + 50);
        assertThat(result.rgb(2, 2)).isEqualTo(ImageFiles.read(image).rgb(2, 2));
    }

    @Test
    void removingTheBackgroundWritesAPngWithAlphaAndRefusesJpegBeforeWork() throws IOException {
        Path output = dir.resolve("cut.png");
        int code = run("edit", "remove the background", "-i", image.toString(), "--box", "20,16,32,28", "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: background").contains("with transparency");
        BufferedImage png = ImageIO.read(output.toFile());
        assertThat(png.getRGB(26, 22) >>> 24).isEqualTo(255);
        assertThat(png.getRGB(2, 2) >>> 24).isZero();

        Path jpeg = dir.resolve("cut.jpg");
        assertThat(run("edit", "remove the background", "-i", image.toString(), "--box", "20,16,32,28", "-o", jpeg.toString()))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains(".png --output");
        assertThat(jpeg).doesNotExist();
    }

    @Test
    void aGlobalAdjustmentNeedsNoMask() {
        int code = run("edit", "make it sepia", "-i", image.toString(), "-o", dir.resolve("s.png").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: adjust");
    }

    @Test
    void executorOptionIsCheckedAndHonoured() {
        Path o = dir.resolve("o.png");
        assertThat(run("edit", "make the square blue", "-i", image.toString(), "--box", "20,16,32,28", "-o", o.toString(),
                "--executor", "diffusion")).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--model DIR");
        assertThat(run("edit", "make the square blue", "-i", image.toString(), "--box", "20,16,32,28", "-o", o.toString(),
                "--executor", "magic")).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--executor must be auto, diffusion or classical");
        assertThat(run("edit", "remove the red square", "-i", image.toString(), "--box", "20,16,32,28", "-o", o.toString(),
                "--executor", "classical")).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("no classical executor can carry out the REMOVE edit");
        assertThat(o).doesNotExist();
        assertThat(run("edit", "remove the red square", "-i", image.toString(), "--box", "20,16,32,28", "-o", o.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: inpainter/patchmatch");
    }
}
