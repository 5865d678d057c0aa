package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;

    @BeforeEach
    void writeInput() {
        byte[] px = new byte[48 * 32 * 3];
        for (int i = 0; i < px.length; i += 3) {
            int x = i / 3 % 48;
            px[i] = (byte) ((x / 3) % 2 == 0 ? 200 : 60);
            px[i + 1] = (byte) 90;
            px[i + 2] = (byte) (i / 3 / 48 * 6);
        }
        image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.of(48, 32, px), image);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void extendsBySidesAndKeepsTheInterior() {
        Path output = dir.resolve("wide.png");
        int code = run("extend", "-i", image.toString(), "-o", output.toString(), "--left", "8", "--right", "16", "--seam", "4");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("extended 48x32 to 72x32").contains("wrote");
        RgbImage in = ImageFiles.read(image);
        RgbImage result = ImageFiles.read(output);
        assertThat(result.width()).isEqualTo(72);
        assertThat(result.rgb(8 + 24, 10)).isEqualTo(in.rgb(24, 10));
    }

    @Test
    void extendsToAnAspectRatio() {
        Path output = dir.resolve("square.png");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString(), "--aspect", "1:1", "-q")).isZero();
        RgbImage result = ImageFiles.read(output);
        assertThat(result.width()).isEqualTo(48);
        assertThat(result.height()).isEqualTo(48);
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheFlagAndNothingIsWritten() {
        Path output = dir.resolve("bad.png");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString())).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--left, --top, --right or --bottom").contains("--aspect");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString(), "--left", "-4")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--left must be between 0 and 8192 pixels, was -4");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString(), "--aspect", "wide")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--aspect must be written W:H");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString(), "--aspect", "16:9", "--top", "3"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("either --aspect or --left/--top/--right/--bottom");
        assertThat(run("extend", "-i", image.toString(), "-o", output.toString(), "--right", "4", "--seam", "999"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--seam must be between 0 and 256");
        assertThat(err.toString()).doesNotContain("OutpaintExtension").doesNotContain("Exception");
        assertThat(Files.exists(output)).isFalse();
    }
}
