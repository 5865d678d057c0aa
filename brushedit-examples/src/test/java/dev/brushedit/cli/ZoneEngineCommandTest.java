package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edit --engine zone} on the stand-ins (ip2p-tiny, magicbrush-tiny, segment-tiny). */
class ZoneEngineCommandTest {
    static final Path STANDINS = Path.of("..", "brushedit-models", "src", "test", "resources", "standins");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path image;

    /** A gradient with a red square at (20..44, 16..40). */
    @BeforeEach
    void writeImage() {
        byte[] px = new byte[64 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int i = (y * 64 + x) * 3;
                boolean red = x >= 20 && x < 44 && y >= 16 && y < 40;
                px[i] = (byte) (red ? 230 : 60 + 2 * x);
                px[i + 1] = (byte) (red ? 10 : 80 + 2 * y);
                px[i + 2] = (byte) (red ? 10 : 120);
            }
        }
        image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.of(64, 64, px), image);
    }

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private List<String> zone(String instruction, Path output, String... more) {
        List<String> a = new ArrayList<>(List.of("edit", instruction, "-i", image.toString(), "-o", output.toString(), "--engine",
                "zone", "--ip2p-model", STANDINS.resolve("ip2p-tiny").toString(), "--magicbrush-model",
                STANDINS.resolve("magicbrush-tiny").toString(), "--segment-models", STANDINS.resolve("segment-tiny").toString(),
                "--steps", "2", "--strategy", "original", "--seed", "3", "--sam-points", "4"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void zoneEditsWithTheThreeFoldersAndWritesTheFineMask() {
        Path output = dir.resolve("out.png");
        Path maskOut = dir.resolve("fine.png");
        int code = run(zone("make the square blue", output, "--mask-out", maskOut.toString(), "--zone-mode", "reference")
                .toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: LOCAL \"square\"").contains("engine: zone, action CHANGE")
                .contains("SAM segments, dilated 4x");
        RgbImage result = ImageFiles.read(output);
        assertThat(result.width()).isEqualTo(64);
        Mask fine = Mask.fromImage(ImageFiles.read(maskOut), 128);
        assertThat(fine.width()).isEqualTo(64);
        // outside the region ZONE may touch (fine mask + smoothing ring) the source is kept; the model changed something
        assertThat(result.samePixels(ImageFiles.read(image))).isEqualTo(fine.isEmpty());
    }

    @Test
    void refusalsNameTheFlagsAndComeBeforeAnyWork() {
        Path output = dir.resolve("never.png");
        assertThat(run("edit", "make the square blue", "-i", image.toString(), "-o", output.toString(), "--engine", "zone"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--ip2p-model").contains("--magicbrush-model").contains("--segment-models");
        assertThat(run(zone("change the background to a beach", output).toArray(String[]::new))).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("cannot be determined for ZONE");
        List<String> withBox = zone("make the square blue", output, "--box", "1,1,5,5");
        assertThat(run(withBox.toArray(String[]::new))).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--box is not used by --engine zone");
        List<String> mismatched = zone("make the square blue", output);
        mismatched.set(mismatched.indexOf("--magicbrush-model") + 1, STANDINS.resolve("magicbrush-tiny-mismatched").toString());
        assertThat(run(mismatched.toArray(String[]::new))).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("--magicbrush-model").contains("different families");
        List<String> fourChannels = zone("make the square blue", output);
        fourChannels.set(fourChannels.indexOf("--magicbrush-model") + 1, STANDINS.resolve("sd15-tiny").toString());
        assertThat(run(fourChannels.toArray(String[]::new))).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("has 4 input channels");
        assertThat(run(zone("make the square blue", output, "--zone-mode", "exact").toArray(String[]::new)))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--zone-mode must be corrected or reference");
        assertThat(run("edit", "make it winter", "-i", image.toString(), "-o", output.toString(), "--dilate", "2"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--dilate applies to --engine zone only");
        assertThat(output).doesNotExist();
    }
}
