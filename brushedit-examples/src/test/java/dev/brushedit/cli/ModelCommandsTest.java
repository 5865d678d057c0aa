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

    private static void writeBlueImageAndBoxMask(Path image, Path mask) {
        ImageFiles.write(RgbImage.filled(96, 64, 30, 120, 200), image);
        ImageFiles.write(Mask.ofBox(96, 64, new Box(30, 20, 60, 40)).toImage(), mask);
    }

    @Test
    void inpaintWithAModelFolderRunsBrushNet() {
        Path image = dir.resolve("in.png");
        Path mask = dir.resolve("mask.png");
        writeBlueImageAndBoxMask(image, mask);
        Path output = dir.resolve("out.png");
        int code = run("inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", output.toString(), "-q",
                "--model", STANDINS.resolve("sd15-tiny-brushnet").toString(), "--steps", "2", "--scheduler", "euler",
                "-p", "a cat");
        assertThat(code).as(err.toString()).isZero();
        assertThat(ImageFiles.read(output).width()).isEqualTo(96);
    }

    @Test
    void lowMemoryModeGivesTheSameImage() {
        Path image = dir.resolve("in.png");
        Path mask = dir.resolve("mask.png");
        writeBlueImageAndBoxMask(image, mask);
        Path normal = dir.resolve("normal.png");
        Path low = dir.resolve("low.png");
        for (Path output : new Path[] {normal, low}) {
            String[] args = {"inpaint", "-i", image.toString(), "-m", mask.toString(), "-o", output.toString(), "-q",
                "--model", STANDINS.resolve("sd15-tiny-brushnet").toString(), "--steps", "2", "--seed", "3", "-p", "a cat"};
            if (output == low) {
                args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--low-mem"))
                        .toArray(String[]::new);
            }
            assertThat(run(args)).as(err.toString()).isZero();
        }
        RgbImage a = ImageFiles.read(normal);
        RgbImage b = ImageFiles.read(low);
        int worst = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(a.channel(x, y, c) - b.channel(x, y, c)));
                }
            }
        }
        assertThat(worst).as("largest channel difference, --low-mem vs default").isLessThanOrEqualTo(1);
    }

    @Test
    void promptSyntaxAndSchedulerOptionsReachThePipeline() throws java.io.IOException {
        Path image = dir.resolve("in.png");
        Path mask = dir.resolve("mask.png");
        ImageFiles.write(RgbImage.filled(96, 64, 30, 120, 200), image);
        ImageFiles.write(Mask.ofBox(96, 64, new Box(30, 20, 60, 40)).toImage(), mask);
        String model = STANDINS.resolve("sd15-tiny-brushnet").toString();
        Path plain = dir.resolve("plain.png");
        Path a1111 = dir.resolve("a1111.png");
        Path karras = dir.resolve("karras.png");
        String[] common = {"inpaint", "-i", image.toString(), "-m", mask.toString(), "-q", "--model", model, "--steps", "3",
            "--scheduler", "euler", "-p", "a (red:1.8) cat", "--seed", "5"};
        assertThat(run(concat(common, "-o", a1111.toString()))).as(err.toString()).isZero();
        assertThat(run(concat(common, "-o", plain.toString(), "--prompt-syntax", "plain"))).as(err.toString()).isZero();
        assertThat(run(concat(common, "-o", karras.toString(), "--scheduler-option", "use_karras_sigmas=true",
                "--scheduler-option", "final_sigmas_type=zero"))).as(err.toString()).isZero();
        byte[] reference = java.nio.file.Files.readAllBytes(a1111);
        assertThat(java.nio.file.Files.readAllBytes(plain)).as("plain syntax changes the prompt ids").isNotEqualTo(reference);
        assertThat(java.nio.file.Files.readAllBytes(karras)).as("Karras sigmas change the schedule").isNotEqualTo(reference);
    }

    @Test
    void badPromptSyntaxAndSchedulerOptionsNameTheFlag() {
        Path image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.filled(8, 8, 0, 0, 0), image);
        assertThat(run("inpaint", "-i", image.toString(), "-m", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--prompt-syntax", "fancy")).isEqualTo(2);
        assertThat(err.toString()).contains("--prompt-syntax must be plain or a1111, was fancy");
        assertThat(run("inpaint", "-i", image.toString(), "-m", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--scheduler-option", "use_karas_sigmas=true")).isEqualTo(2);
        assertThat(err.toString()).contains("--scheduler-option").contains("use_karas_sigmas");
    }

    @Test
    void keepStepMemoryWithLowMemNamesBothFlags() {
        Path image = dir.resolve("in.png");
        ImageFiles.write(RgbImage.filled(8, 8, 0, 0, 0), image);
        assertThat(run("inpaint", "-i", image.toString(), "-m", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--model", STANDINS.resolve("sd15-tiny-brushnet").toString(), "--low-mem", "--keep-step-memory")).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-step-memory cannot be combined with --low-mem");
        assertThat(dir.resolve("o.png")).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
