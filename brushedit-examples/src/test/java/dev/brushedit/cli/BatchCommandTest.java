package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.batch.Csv;
import dev.brushedit.batch.Samples;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brushedit batch} on the sample photos (samples/), weight-free and with a stand-in model folder. */
class BatchCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** rocket (tower mask) and coffee (cup mask) with masks; astronaut without one. */
    private void folders() {
        Samples.copy("rocket.jpg", dir.resolve("images/rocket.jpg"));
        Samples.copy("coffee.png", dir.resolve("images/coffee.png"));
        Samples.copy("astronaut.png", dir.resolve("images/astronaut.png"));
        Samples.copy("rocket-tower-mask.png", dir.resolve("masks/rocket.png"));
        Samples.copy("coffee-cup-saucer-mask.png", dir.resolve("masks/coffee.png"));
    }

    private Map<String, List<String>> results(Path csv) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv), csv.toString());
        assertThat(rows.get(0)).startsWith("id", "image", "mask", "instruction", "output", "status", "seconds", "executor");
        return rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(0), Function.identity()));
    }

    @Test
    void inpaintsAFolderLogsTheImageWithoutAMaskAndExitsSix() throws IOException {
        folders();
        Path output = dir.resolve("out");
        int code = run("batch", "--images", dir.resolve("images").toString(), "--masks", dir.resolve("masks").toString(),
                "-o", output.toString(), "--seed", "0", "--strategy", "resize:256");
        assertThat(code).as(err.toString()).isEqualTo(BrushEditCli.EXIT_ITEMS_FAILED);
        assertThat(err.toString()).contains("astronaut failed").contains("astronaut.png does not exist");
        assertThat(out.toString()).contains("batch: 2 done, 0 skipped, 1 failed in").contains("results.csv");
        for (String stem : List.of("rocket", "coffee")) {
            RgbImage in = ImageFiles.read(dir.resolve("images").resolve(stem.equals("rocket") ? "rocket.jpg" : "coffee.png"));
            RgbImage result = ImageFiles.read(output.resolve(stem + ".png"));
            Mask mask = Mask.fromImage(ImageFiles.read(dir.resolve("masks").resolve(stem + ".png")), 128);
            assertThat(result.width()).isEqualTo(in.width());
            assertThat(changed(in, result, mask, true)).as(stem + ": pixels changed in the hole").isGreaterThan(0.5);
            assertThat(changedOutside(in, result, mask.boundingBox(), 12)).as(stem + ": pixels changed far outside").isZero();
        }
        assertThat(output.resolve("astronaut.png")).doesNotExist();
        Map<String, List<String>> rows = results(output.resolve("results.csv"));
        assertThat(rows.get("rocket").get(5)).isEqualTo("done");
        assertThat(rows.get("rocket").get(7)).isEqualTo("inpainter/patchmatch");
        assertThat(rows.get("rocket").get(9)).isEqualTo("0");
        assertThat(rows.get("coffee").get(5)).isEqualTo("done");
        assertThat(rows.get("astronaut").get(5)).isEqualTo("failed");
        assertThat(rows.get("astronaut").get(14)).contains("does not exist");
    }

    @Test
    void resumesSkippingFinishedOutputsButNotAPartialOne() throws IOException {
        folders();
        Files.delete(dir.resolve("images/astronaut.png"));
        Path output = dir.resolve("out");
        Files.createDirectories(output);
        // rocket was finished by an earlier run (a marker image); coffee was cut off mid-write: an empty file
        // and the hidden temporary file a cut-off atomic write leaves.
        ImageFiles.write(RgbImage.filled(8, 8, 1, 2, 3), output.resolve("rocket.png"));
        FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(output.resolve("rocket.png"), stamp);
        Files.createFile(output.resolve("coffee.png"));
        Files.writeString(output.resolve(".coffee.png.k3j2.tmp"), "half");
        int code = run("batch", "--images", dir.resolve("images").toString(), "--masks", dir.resolve("masks").toString(),
                "-o", output.toString(), "--strategy", "resize:256");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("batch: 1 done, 1 skipped, 0 failed");
        assertThat(Files.getLastModifiedTime(output.resolve("rocket.png"))).isEqualTo(stamp);
        assertThat(ImageFiles.read(output.resolve("rocket.png")).width()).isEqualTo(8);
        assertThat(ImageFiles.read(output.resolve("coffee.png")).width()).isEqualTo(600);
        Map<String, List<String>> rows = results(output.resolve("results.csv"));
        assertThat(rows.get("rocket").get(5)).isEqualTo("skipped");
        assertThat(rows.get("coffee").get(5)).isEqualTo("done");

        // A third run has nothing left to do.
        assertThat(run("batch", "--images", dir.resolve("images").toString(), "--masks", dir.resolve("masks").toString(),
                "-o", output.toString())).isZero();
        assertThat(out.toString()).contains("batch: 0 done, 2 skipped, 0 failed");
    }

    @Test
    void editsTheRowsOfACsvWithTheWeightFreeExecutors() throws IOException {
        Samples.copy("rocket.jpg", dir.resolve("in/rocket.jpg"));
        Samples.copy("rocket-tower-mask.png", dir.resolve("in/rocket-tower-mask.png"));
        Samples.copy("coffee.png", dir.resolve("in/coffee.png"));
        Samples.copy("coffee-cup-saucer-mask.png", dir.resolve("in/cup.png"));
        Path csv = dir.resolve("in/edits.csv");
        Files.writeString(csv, "image,instruction,mask\n"
                + "rocket.jpg,make it sepia,\n"
                + "rocket.jpg,remove the tower,rocket-tower-mask.png\n"
                + "coffee.png,\"make the cup blue, please\",cup.png\n"
                + "coffee.png,add a hat,\n");
        Path output = dir.resolve("out");
        int code = run("batch", "--csv", csv.toString(), "-o", output.toString(), "--format", "jpg");
        assertThat(code).as(err.toString()).isEqualTo(BrushEditCli.EXIT_ITEMS_FAILED);
        assertThat(out.toString()).contains("batch: 3 done, 0 skipped, 1 failed");
        assertThat(err.toString()).contains("row 5 coffee failed").contains("ADDITION").contains("give --model DIR")
                .doesNotContain("Inpainter.builder");
        Map<String, List<String>> rows = results(output.resolve("results.csv"));
        assertThat(rows.get("row 2 rocket").get(4)).isEqualTo("rocket-make-it-sepia.jpg");
        assertThat(rows.get("row 2 rocket").get(7)).isEqualTo("adjust");
        assertThat(rows.get("row 3 rocket").get(7)).isEqualTo("inpainter/patchmatch");
        assertThat(rows.get("row 3 rocket").get(10)).startsWith("REMOVE");
        assertThat(rows.get("row 4 coffee").get(3)).isEqualTo("make the cup blue, please");
        assertThat(rows.get("row 4 coffee").get(7)).isEqualTo("recolour");
        assertThat(rows.get("row 5 coffee").get(5)).isEqualTo("failed");
        RgbImage sepia = ImageFiles.read(output.resolve("rocket-make-it-sepia.jpg"));
        assertThat(sepia.width()).isEqualTo(640);
        RgbImage cup = ImageFiles.read(output.resolve("coffee-make-the-cup-blue-please.jpg"));
        int[] rgb = unpack(cup.rgb(130, 250));
        assertThat(rgb[2]).as("the cup is blue").isGreaterThan(rgb[0]);
        assertThat(output.resolve("coffee-add-a-hat.jpg")).doesNotExist();
    }

    @Test
    void usesAModelFolderForEveryItem() throws IOException {
        folders();
        Files.delete(dir.resolve("images/astronaut.png"));
        Path output = dir.resolve("out");
        int code = run("batch", "--images", dir.resolve("images").toString(), "--masks", dir.resolve("masks").toString(),
                "-o", output.toString(), "-q", "--model", ModelCommandsTest.STANDINS.resolve("sd15-tiny-brushnet").toString(),
                "--steps", "2", "--strategy", "resize:128", "-p", "an empty sky");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEmpty();
        Map<String, List<String>> rows = results(output.resolve("results.csv"));
        for (String stem : List.of("rocket", "coffee")) {
            assertThat(rows.get(stem).get(8)).startsWith("brushnet");
            assertThat(rows.get(stem).get(11)).contains("unet/model.onnx=");
            assertThat(ImageFiles.read(output.resolve(stem + ".png")).width()).isEqualTo(stem.equals("rocket") ? 640 : 600);
        }
    }

    @Test
    void badFlagsAreUsageErrorsBeforeAnyWork() throws IOException {
        folders();
        String images = dir.resolve("images").toString();
        String out = dir.resolve("out").toString();
        assertThat(run("batch", "-o", out)).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--images").contains("--csv");
        assertThat(run("batch", "--images", images, "-o", out)).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--masks");
        assertThat(run("batch", "--images", images, "--masks", images, "-o", out, "--format", "gif"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--format gif");
        assertThat(run("batch", "--images", images, "--masks", images, "-o", out)).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("must not be the image folder");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "image,prompt\nrocket.jpg,a sky\n");
        assertThat(run("batch", "--csv", csv.toString(), "-o", out)).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("unknown column \"prompt\"");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void executorIsCheckedAsEditChecksItBeforeAnyWork() throws IOException {
        folders();
        String images = dir.resolve("images").toString();
        String masks = dir.resolve("masks").toString();
        String out = dir.resolve("out").toString();
        assertThat(run("batch", "--images", images, "--masks", masks, "-o", out, "--executor", "magic"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--executor must be auto, diffusion or classical, was magic");
        assertThat(run("batch", "--images", images, "--masks", masks, "-o", out, "--executor", "Diffusion"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--executor diffusion needs a diffusion model: give --model DIR");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Pixels that differ more than {@code margin} pixels outside {@code box}. */
    private static int changedOutside(RgbImage a, RgbImage b, dev.brushedit.core.image.Box box, int margin) {
        int diff = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                boolean near = x >= box.x0() - margin && x < box.x1() + margin && y >= box.y0() - margin && y < box.y1() + margin;
                diff += !near && a.rgb(x, y) != b.rgb(x, y) ? 1 : 0;
            }
        }
        return diff;
    }

    private static int[] unpack(int rgb) {
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    /** Share of the pixels inside (or outside) {@code mask} whose colour differs. */
    private static double changed(RgbImage a, RgbImage b, Mask mask, boolean inside) {
        long n = 0;
        long diff = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if ((mask.get(x, y) >= 0.5f) == inside) {
                    n++;
                    diff += a.rgb(x, y) != b.rgb(x, y) ? 1 : 0;
                }
            }
        }
        return n == 0 ? 0 : (double) diff / n;
    }
}
