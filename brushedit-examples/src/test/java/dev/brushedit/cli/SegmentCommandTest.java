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

/** {@code segment} and {@code edit --segment-models} on the detector and SAM stand-ins. */
class SegmentCommandTest {
    static final Path SEGMENT = ModelCommandsTest.STANDINS.resolve("segment-tiny");
    static final Path TOKENIZER = ModelCommandsTest.STANDINS.resolve("sd15-tiny").resolve("tokenizer");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;

    @BeforeEach
    void writeImage() {
        byte[] px = new byte[80 * 60 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7 % 251);
        }
        image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.of(80, 60, px), image);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void segmentWritesABinaryMaskOfTheImageSize() {
        Path output = dir.resolve("mask.png");
        int code = run("segment", "dog", "-i", image.toString(), "-o", output.toString(), "--segment-models", SEGMENT.toString(),
                "--tokenizer", TOKENIZER.toString());
        assertThat(code).as(err.toString()).isZero();
        Mask mask = Mask.fromImage(ImageFiles.read(output), 128);
        assertThat(mask.width()).isEqualTo(80);
        assertThat(mask.height()).isEqualTo(60);
        assertThat(out.toString()).contains("\"dog\": " + mask.area() + " pixels").doesNotContain("Box[");
        Box b = mask.boundingBox();
        assertThat(out.toString()).contains("box " + b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1());
    }

    @Test
    void editFindsTheObjectWithTheSegmentationModels() {
        Path objectMask = dir.resolve("object.png");
        assertThat(run("segment", "dog", "-i", image.toString(), "-o", objectMask.toString(), "-q",
                "--segment-models", SEGMENT.toString(), "--tokenizer", TOKENIZER.toString())).isZero();
        Path used = dir.resolve("used.png");
        int code = run("edit", "change the dog into a cat", "-i", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--segment-models", SEGMENT.toString(), "--tokenizer", TOKENIZER.toString(), "--mask-out", used.toString(),
                "--model", ModelCommandsTest.STANDINS.resolve("sd15-tiny-brushnet").toString(), "--steps", "2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: LOCAL \"dog\"");
        Mask expected = Mask.fromImage(ImageFiles.read(objectMask), 128);
        assertThat(Mask.fromImage(ImageFiles.read(used), 128).sameValues(expected)).isTrue();
    }

    @Test
    void missingFoldersAndTokenizersAreReported() {
        assertThat(run("segment", "dog", "-i", image.toString(), "-o", dir.resolve("m.png").toString(),
                "--segment-models", dir.resolve("none").toString())).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("is not a directory");
        assertThat(run("segment", "dog", "-i", image.toString(), "-o", dir.resolve("m.png").toString(),
                "--segment-models", SEGMENT.toString())).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("--tokenizer DIR");
        assertThat(run("segment", "dog", "-i", image.toString(), "-o", dir.resolve("m.png").toString(),
                "--segment-models", dir.toString(), "--tokenizer", TOKENIZER.toString())).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(dir.resolve("m.png")).doesNotExist();
    }
}
