package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brushedit inpaint --reference} on the mimicbrush-tiny stand-in, and its usage errors. */
class InpaintReferenceCommandTest {
    private static final String MODEL = Path.of("..", "brushedit-models", "src", "test", "resources", "standins", "mimicbrush-tiny")
            .toString();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;
    private Path mask;
    private Path reference;

    @BeforeEach
    void writeInputs() {
        image = dir.resolve("in.png");
        mask = dir.resolve("mask.png");
        reference = dir.resolve("ref.png");
        ImageFiles.write(RgbImage.filled(96, 64, 40, 140, 60), image);
        ImageFiles.write(Mask.ofBox(96, 64, new Box(30, 16, 60, 48)).toImage(), mask);
        ImageFiles.write(RgbImage.filled(30, 50, 220, 30, 30), reference);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void imitatesTheReferenceInTheHole() {
        Path output = dir.resolve("out.png");
        int code = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", output.toString(), "--model", MODEL,
                "--reference", reference.toString(), "--keep-shape", "--steps", "2", "--seed", "4");
        assertThat(code).as(err.toString()).isZero();
        RgbImage result = ImageFiles.read(output);
        RgbImage in = ImageFiles.read(image);
        assertThat(result.width()).isEqualTo(96);
        assertThat(result.rgb(2, 2)).isEqualTo(in.rgb(2, 2));
        assertThat(result.rgb(45, 32)).isNotEqualTo(in.rgb(45, 32));
    }

    @Test
    void usageErrorsNameTheFlags() {
        String o = dir.resolve("o.png").toString();
        assertThat(run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", o, "--reference", reference.toString()))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--reference needs --model");
        assertThat(run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", o, "--keep-shape"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--keep-shape needs --reference");
        assertThat(run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", o, "--model", MODEL, "--reference",
                reference.toString(), "-p", "a cat")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("takes no --prompt");
        assertThat(run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", o, "--model", MODEL, "--reference",
                reference.toString(), "--guidance", "1")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--guidance 1");
        assertThat(run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", o, "--model", MODEL, "--reference",
                dir.resolve("missing.png").toString())).isEqualTo(BrushEditCli.EXIT_INPUT);
    }
}
