package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InpaintCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;
    private Path mask;

    @BeforeEach
    void writeInputs() {
        byte[] px = new byte[64 * 48 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) ((i / 3 % 64) * 4);
        }
        image = dir.resolve("in.png");
        mask = dir.resolve("mask.png");
        ImageFiles.write(RgbImage.of(64, 48, px), image);
        ImageFiles.write(Mask.ofBox(64, 48, new Box(20, 10, 40, 30)).toImage(), mask);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void fillsTheHoleAndKeepsEverythingElse() {
        Path output = dir.resolve("out/result.png");
        int code = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", output.toString(), "--seed", "3");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("wrote");
        RgbImage in = ImageFiles.read(image);
        RgbImage result = ImageFiles.read(output);
        assertThat(result.width()).isEqualTo(64);
        assertThat(result.rgb(5, 5)).isEqualTo(in.rgb(5, 5));
        assertThat(result.rgb(63, 47)).isEqualTo(in.rgb(63, 47));
    }

    @Test
    void anEmptyMaskSaysSoAndWritesTheImageUnchanged() {
        Path empty = dir.resolve("empty.png");
        ImageFiles.write(Mask.empty(64, 48).toImage(), empty);
        Path output = dir.resolve("same.png");
        int code = run("inpaint", "-i", image.toString(), "-m", empty.toString(), "-o", output.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("nothing to fill").contains("--mask-threshold 128");
        assertThat(ImageFiles.read(output).samePixels(ImageFiles.read(image))).isTrue();
    }

    @Test
    void aFullMaskWithoutAModelNamesTheFlagsToChange() {
        Path full = dir.resolve("full.png");
        ImageFiles.write(Mask.full(64, 48).toImage(), full);
        int code = run("inpaint", "-i", image.toString(), "-m", full.toString(), "-o", dir.resolve("never.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--mask").contains("--model DIR").doesNotContain("use a diffusion checkpoint");
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void aMissingImageIsABadInputWithAOneLineMessage() {
        int code = run("inpaint", "-i", dir.resolve("nope.png").toString(), "-m", mask.toString(), "-o", dir.resolve("o.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString().strip()).startsWith("brushedit inpaint: --image").contains("does not exist").doesNotContain("\n");
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheOneLineMessage() {
        int code = run("inpaint", "-i", dir.resolve("nope.png").toString(), "-m", mask.toString(), "-o",
                dir.resolve("o.png").toString(), "--verbose");
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).startsWith("brushedit inpaint: --image").contains("InvalidInputException").contains("\tat dev.brushedit");
    }

    @Test
    void anUnreadableImageIsRejected() throws IOException {
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not an image");
        int code = run("inpaint", "-i", junk.toString(), "-m", mask.toString(), "-o", dir.resolve("o.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("junk.png");
    }

    @Test
    void aMaskOfAnotherSizeIsRejectedAndNothingIsWritten() throws IOException {
        Path small = dir.resolve("small.png");
        ImageFiles.write(Mask.full(8, 8).toImage(), small);
        Path output = dir.resolve("o.png");
        int code = run("inpaint", "-i", image.toString(), "-m", small.toString(), "-o", output.toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("8x8").contains("64x48");
        assertThat(output).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.png", "mask.png", "small.png");
        }
    }

    @Test
    void anUnwritableOutputIsRejectedBeforeAnyWork() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        int code = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", blocker.resolve("sub/o.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("output directory");
        int badExt = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", dir.resolve("o.gifx").toString());
        assertThat(badExt).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains(".png, .jpg or .jpeg");
    }

    @Test
    void missingRequiredOptionsAreUsageErrors() {
        assertThat(run("inpaint", "-i", image.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options");
        assertThat(run("frobnicate")).isEqualTo(2);
    }
}
