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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brushedit edit} through the weight-free executors on the sample photos, and {@code --executor}. */
class EditCommandExecutorTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final String COFFEE = SAMPLES.resolve("coffee.png").toString();
    static final String CUP = SAMPLES.resolve("coffee-cup-saucer-mask.png").toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aColourChangeRunsWithoutAModelAndSaysWhichExecutorRan() {
        Path output = dir.resolve("blue.png");
        int code = run("edit", "turn the saucer blue", "-i", COFFEE, "--mask", CUP, "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: LOCAL \"saucer\"").contains("executor: recolour").contains("blue (#0000ff)");
        RgbImage before = ImageFiles.read(Path.of(COFFEE));
        RgbImage result = ImageFiles.read(output);
        assertThat(before.channel(130, 250, 2)).isLessThan(before.channel(130, 250, 0));
        assertThat(result.channel(130, 250, 2)).isGreaterThan(result.channel(130, 250, 0) + 50);
        assertThat(result.rgb(590, 10)).isEqualTo(before.rgb(590, 10));
    }

    @Test
    void removingTheBackgroundWritesAPngWithAlphaAndRefusesJpegBeforeWork() throws IOException {
        Path output = dir.resolve("cut.png");
        String[] args = {"edit", "remove the background", "-i", COFFEE, "--box", "76,18,482,390", "-o", output.toString()};
        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: background").contains("with transparency");
        BufferedImage png = ImageIO.read(output.toFile());
        assertThat(png.getRGB(280, 200) >>> 24).isEqualTo(255);
        assertThat(png.getRGB(10, 10) >>> 24).isZero();

        Path jpeg = dir.resolve("cut.jpg");
        args[args.length - 1] = jpeg.toString();
        assertThat(run(args)).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains(".png --output");
        assertThat(jpeg).doesNotExist();
    }

    @Test
    void aGlobalAdjustmentNeedsNoMask() {
        Path output = dir.resolve("bw.jpg");
        assertThat(run("edit", "make it black and white", "-i", COFFEE, "-o", output.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: adjust");
        RgbImage bw = ImageFiles.read(output);
        assertThat(Math.abs(bw.channel(300, 200, 0) - bw.channel(300, 200, 2))).isLessThan(4);
    }

    @Test
    void executorOptionIsCheckedAndHonoured() {
        Path o = dir.resolve("o.png");
        assertThat(run("edit", "turn the saucer blue", "-i", COFFEE, "--mask", CUP, "-o", o.toString(), "--executor", "diffusion"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--model DIR");
        assertThat(run("edit", "turn the saucer blue", "-i", COFFEE, "--mask", CUP, "-o", o.toString(), "--executor", "magic"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--executor must be auto, diffusion or classical");
        assertThat(run("edit", "remove the spoon", "-i", COFFEE, "--box", "325,225,410,330", "-o", o.toString(),
                "--executor", "classical")).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("carry out the REMOVE edit")
                .contains("no allowed executor does REMOVE edits").contains("--executor auto");
        assertThat(o).doesNotExist();
        assertThat(run("edit", "remove the spoon", "-i", COFFEE, "--box", "325,225,410,330", "-o", o.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: inpainter/patchmatch");
    }
}
