package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that load models, on the exporter's stand-in graphs. */
class ModelCommandsTest {
    static final Path STANDINS = Path.of("..", "brushedit-models", "src", "test", "resources", "standins");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void infoReportsPartsFlavourAndContract() {
        int code = run("info", "--model", STANDINS.resolve("sd15-tiny-brushnet").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("brushnet_unet/model.onnx   present").contains("flavour:      OPTIMUM")
                .contains("28 BrushNet feature inputs").contains("contract:     OK");
    }

    @Test
    void infoOnAFolderWithoutModelsIsAModelError() {
        int code = run("info", "--model", dir.toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("missing").contains("brushedit_export");
    }

    @Test
    void inpaintWithAModelFolderRunsBrushNet() {
        Path image = dir.resolve("in.png");
        Path mask = dir.resolve("mask.png");
        ImageFiles.write(RgbImage.filled(96, 64, 30, 120, 200), image);
        ImageFiles.write(Mask.ofBox(96, 64, new Box(30, 20, 60, 40)).toImage(), mask);
        Path output = dir.resolve("out.png");
        int code = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", output.toString(), "-q",
                "--model", STANDINS.resolve("sd15-tiny-brushnet").toString(), "--steps", "2", "--scheduler", "euler",
                "-p", "a cat");
        assertThat(code).as(err.toString()).isZero();
        assertThat(ImageFiles.read(output).width()).isEqualTo(96);
    }

    @Test
    void badModelOptionsAreReportedClearly() {
        Path image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.filled(8, 8, 0, 0, 0), image);
        assertThat(run("inpaint", "-i", image.toString(), "-m", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--strategy", "zoom")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--strategy must be original, resize:LONGEST or crop:MARGIN:LONGEST, was zoom");
        assertThat(run("inpaint", "-i", image.toString(), "-m", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--scheduler", "fastest")).isEqualTo(2);
        assertThat(err.toString()).contains("--scheduler must be one of ddim, pndm");
    }
}
