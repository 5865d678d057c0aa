package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditCommandTest {
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
    void removeWithABoxUsesTheOfflineInstructorAndPatchMatch() {
        Path output = dir.resolve("out.png");
        Path maskOut = dir.resolve("used.png");
        int code = run("edit", "please remove the red square", "-i", image.toString(), "-o", output.toString(),
                "--box", "20,16,32,28", "--mask-out", maskOut.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: REMOVE \"red square\"");
        RgbImage result = ImageFiles.read(output);
        for (int y = 16; y < 28; y++) {
            for (int x = 20; x < 32; x++) {
                assertThat(result.channel(x, y, 0)).as("red left at %d,%d", x, y).isLessThan(200);
            }
        }
        Mask used = Mask.fromImage(ImageFiles.read(maskOut), 128);
        assertThat(used.boundingBox()).isEqualTo(new Box(11, 7, 42, 38));
    }

    @Test
    void anUnreachableMllmServerNamesTheFlagsToCheck() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        int code = run("edit", "remove the red square", "-i", image.toString(), "-o", dir.resolve("never.png").toString(),
                "--box", "20,16,32,28", "--mllm-model", "vlm", "--mllm-url", "http://127.0.0.1:" + port + "/v1");
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INFERENCE);
        assertThat(err.toString()).contains("--mllm-url").contains("--mllm-model");
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void onlyExecutorsWithoutAModelAreCalledWeightFree() {
        assertThat(EditCommand.executorLine("recolour", "r")).isEqualTo("executor: recolour (weight-free: r)");
        assertThat(EditCommand.executorLine("structural/patchmatch", "m")).isEqualTo("executor: structural/patchmatch (weight-free: m)");
        assertThat(EditCommand.executorLine("structural/brushnet-fused", "m")).isEqualTo("executor: structural/brushnet-fused (m)");
        assertThat(EditCommand.executorLine("instruct-pix2pix", "w")).isEqualTo("executor: instruct-pix2pix (w)");
        assertThat(EditCommand.executorLine("inpainter/patchmatch", "w")).isEqualTo("executor: inpainter/patchmatch");
    }

    @Test
    void globalEditsUseTheInstructPix2PixFolderWhenGiven() {
        Path standins = Path.of("..", "brushedit-models", "src", "test", "resources", "standins");
        Path output = dir.resolve("winter.png");
        int code = run("edit", "make it winter", "-i", image.toString(), "-o", output.toString(), "--ip2p-model",
                standins.resolve("ip2p-tiny").toString(), "--steps", "2", "--strategy", "original", "--seed", "3");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: GLOBAL").contains("executor: instruct-pix2pix").doesNotContain("weight-free");
        assertThat(ImageFiles.read(output).samePixels(ImageFiles.read(image))).isFalse();

        int bad = run("edit", "make it winter", "-i", image.toString(), "-o", dir.resolve("bad.png").toString(), "--ip2p-model",
                standins.resolve("sd15-tiny").toString());
        assertThat(bad).isEqualTo(BrushEditCli.EXIT_MODEL);
        assertThat(err.toString()).contains("--ip2p-model checkpoint").contains("has 4 input channels")
                .contains("8-channel UNet");
        assertThat(dir.resolve("bad.png")).doesNotExist();
    }

    @Test
    void aMoveOffTheImageNamesOffsetAsTheFix() {
        int code = run("edit", "move the red square", "-i", image.toString(), "-o", dir.resolve("never.png").toString(),
                "--box", "20,16,32,28", "--offset", "500,0");
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("moves off the image are refused").contains("give --offset DX,DY within");
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void aRemovalWhoseMaskCoversTheWholeImageNamesFlags() {
        int code = run("edit", "remove the red square", "-i", image.toString(), "-o", dir.resolve("never.png").toString(),
                "--box", "0,0," + ImageFiles.read(image).width() + "," + ImageFiles.read(image).height());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--mask or --box").contains("--model DIR").doesNotContain("diffusion checkpoint");
        assertThat(dir.resolve("never.png")).doesNotExist();
    }

    @Test
    void moveWithABoxPrintsTheMotionAndThePlacement() {
        Path output = dir.resolve("moved.png");
        int code = run("edit", "move the red square 20 pixels right", "-i", image.toString(), "-o", output.toString(),
                "--box", "20,16,32,28");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: MOVE \"red square\"").contains("move (20, 0) px")
                .contains("placed at 40,16,52,28");
        RgbImage result = ImageFiles.read(output);
        assertThat(result.channel(46, 22, 0)).isGreaterThan(200);
        assertThat(result.channel(24, 22, 0)).isLessThan(200);
    }

    @Test
    void aMoveRelativeToAnotherObjectTakesTheOffsetGiven() {
        Path output = dir.resolve("offset.png");
        int code = run("edit", "move the red square closer to the lamp", "-i", image.toString(), "-o", output.toString(),
                "--box", "20,16,32,28", "--offset", "-12,4");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: MOVE \"red square\"").contains("move (-12, 4) px")
                .contains("placed at 8,20,20,32").doesNotContain("no --offset given");
        RgbImage result = ImageFiles.read(output);
        assertThat(result.channel(14, 26, 0)).isGreaterThan(200);
        assertThat(result.channel(28, 18, 0)).isLessThan(200);
    }

    @Test
    void aMoveWithoutADistanceSaysTheDefaultWasUsed() {
        int code = run("edit", "move the red square closer to the lamp", "-i", image.toString(), "-o",
                dir.resolve("o.png").toString(), "--box", "20,16,32,28");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: MOVE \"red square\"").contains("no --offset given")
                .contains("--offset DX,DY");
    }

    @Test
    void anOffsetIsRefusedForOtherEditsAndWhenMalformed() {
        assertThat(run("edit", "remove the red square", "-i", image.toString(), "-o", dir.resolve("o.png").toString(),
                "--box", "20,16,32,28", "--offset", "5,0")).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--offset applies to a move").contains("REMOVE");
        assertThat(dir.resolve("o.png")).doesNotExist();
        assertThat(run("edit", "move the red square to the right", "-i", image.toString(), "-o",
                dir.resolve("o.png").toString(), "--box", "20,16,32,28", "--offset", "5")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--offset must be DX,DY");
        assertThat(run("edit", "move the red square to the right", "-i", image.toString(), "-o",
                dir.resolve("o.png").toString(), "--box", "20,16,32,28", "--offset", "0,0")).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--offset 0,0");
    }

    @Test
    void aMoveOffTheImageIsRefused() {
        int code = run("edit", "move the red square 40 pixels right", "-i", image.toString(), "-o",
                dir.resolve("o.png").toString(), "--box", "20,16,32,28");
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("moves off the image are refused").contains("20 px left, 32 px right");
        assertThat(Files.exists(dir.resolve("o.png"))).isFalse();
    }

    @Test
    void removeWithAMaskFileWorksToo() {
        Path mask = dir.resolve("mask.png");
        ImageFiles.write(Mask.ofBox(64, 48, new Box(20, 16, 32, 28)).toImage(), mask);
        int code = run("edit", "erase the square", "-i", image.toString(), "-m", mask.toString(), "-o", dir.resolve("o.png").toString());
        assertThat(code).as(err.toString()).isZero();
    }

    @Test
    void aRemoveWithoutAMaskSaysWhichOptionToGive() {
        int code = run("edit", "remove the red square", "-i", image.toString(), "-o", dir.resolve("o.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("needs the mask of \"red square\"").contains("--mask FILE").contains("--box");
        assertThat(dir.resolve("o.png")).doesNotExist();
    }

    @Test
    void badInstructionsAndBoxesAreOneLineErrors() {
        assertThat(run("edit", "   ", "-i", image.toString(), "-o", dir.resolve("o.png").toString(), "--box", "1,1,5,5"))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(run("edit", "quita el perro por favor", "-i", image.toString(), "-o", dir.resolve("o.png").toString(), "--box", "1,1,5,5"))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("English");
        assertThat(run("edit", "remove the dog", "-i", image.toString(), "-o", dir.resolve("o.png").toString(), "--box", "1,1,five,5"))
                .isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--box must be x0,y0,x1,y1");
        assertThat(run("edit", "remove the dog", "-i", image.toString(), "-o", dir.resolve("o.png").toString(), "--box", "100,100,120,120"))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("outside");
    }

    /** The photo the README's quick start edits; the failures are reproduced on it. */
    static final Path PHOTO = Path.of("..", "samples", "rocket.jpg");
    static final Path BRUSHNET = Path.of("..", "brushedit-models", "src", "test", "resources", "standins", "sd15-tiny-brushnet");

    @Test
    void withoutAModelEditsPatchMatchCannotDoAreRefusedNamingFlagsNotClasses() {
        String[][] cases = {
            {"add a hat on the woman", "ADDITION", "cannot paint new objects"},
            {"replace the cup with a glass of milk", "LOCAL", "replaces \"cup\" with another object"},
            {"change the background to a beach", "BACKGROUND", "beach"},
            {"make it look like a watercolor painting", "GLOBAL", "restyling needs a diffusion model"},
        };
        for (String[] c : cases) {
            Path output = dir.resolve("refused.png");
            err.getBuffer().setLength(0);
            int code = run("edit", c[0], "-i", PHOTO.toString(), "-o", output.toString(), "--box", "200,100,400,300");
            assertThat(code).as(c[0] + ": " + err).isEqualTo(BrushEditCli.EXIT_INPUT);
            assertThat(err.toString()).as(c[0]).contains(c[1]).contains(c[2]).contains("--model DIR").contains("tools/exporter")
                    .doesNotContain("edits), not a").doesNotContain("inpainter/patchmatch: ")
                    .doesNotContain("Inpainter").doesNotContain("checkpoint(").doesNotContain("ExecutorPreference")
                    .doesNotContain("smaller mask").doesNotContain("a mask that leaves");
            assertThat(output).as(c[0]).doesNotExist();
        }
    }

    @Test
    void instructionsTheGrammarCannotReadPointToTheMllmFlag() {
        assertThat(run("edit", "quita el perro por favor", "-i", image.toString(), "-o", dir.resolve("o.png").toString()))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("English").contains("--mllm-model").doesNotContain("OpenAiInstructor");
        err.getBuffer().setLength(0);
        assertThat(run("edit", "what a lovely photo", "-i", image.toString(), "-o", dir.resolve("o.png").toString()))
                .isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("could not understand").contains("--mllm-model").doesNotContain("OpenAiInstructor");
    }

    @Test
    void anAdditionGoesInTheGivenBoxAndTheToolSaysWhenItUsedTheDefaultPlacement() {
        Path boxed = dir.resolve("boxed.png");
        Path boxedMask = dir.resolve("boxed-mask.png");
        String[] model = {"--model", BRUSHNET.toString(), "--steps", "2", "--seed", "3", "--strategy", "original"};
        int code = run(concat(new String[] {"edit", "add a hat on the woman", "-i", image.toString(), "-o", boxed.toString(),
                "--box", "2,3,20,17", "--mask-out", boxedMask.toString()}, model));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: ADDITION \"hat\"").contains("box 2,3,20,17").doesNotContain("no --box given");
        Mask used = Mask.fromImage(ImageFiles.read(boxedMask), 128);
        assertThat(used.sameValues(Mask.ofBox(64, 48, new Box(2, 3, 20, 17)))).isTrue();

        out.getBuffer().setLength(0);
        Path placed = dir.resolve("placed.png");
        code = run(concat(new String[] {"edit", "add a hat on the woman", "-i", image.toString(), "-o", placed.toString()}, model));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("no --box given").contains("--box x0,y0,x1,y1");
        assertThat(ImageFiles.read(placed).samePixels(ImageFiles.read(boxed))).isFalse();
    }

    @Test
    void anEmptyObjectMaskNamesTheFlagsNotTheSdk() {
        Path mask = dir.resolve("empty.png");
        ImageFiles.write(Mask.empty(64, 48).toImage(), mask);
        int code = run("edit", "remove the square", "-i", image.toString(), "-m", mask.toString(), "-o", dir.resolve("o.png").toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("nothing detected for \"square\"").contains("--mask FILE").contains("--box")
                .doesNotContain("MaskSource");
    }

    @Test
    void onTheCoffeePhotoARecolourIsHonouredWithoutAModelAndABeachBackgroundIsRefused() {
        Path coffee = Path.of("..", "samples", "coffee.png");
        Path saucer = Path.of("..", "samples", "coffee-cup-saucer-mask.png");
        Path output = dir.resolve("blue.png");
        int code = run("edit", "make the saucer blue", "-i", coffee.toString(), "-m", saucer.toString(), "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("plan: LOCAL \"saucer\"").contains("executor: recolour");
        RgbImage before = ImageFiles.read(coffee);
        RgbImage after = ImageFiles.read(output);
        Mask object = Mask.fromImage(ImageFiles.read(saucer), 128);
        assertThat(meanBlueMinusRed(after, object)).isGreaterThan(meanBlueMinusRed(before, object) + 20);

        err.getBuffer().setLength(0);
        Path beach = dir.resolve("beach.png");
        code = run("edit", "change the background to a beach", "-i", coffee.toString(), "-m", saucer.toString(), "-o", beach.toString());
        assertThat(code).isEqualTo(BrushEditCli.EXIT_INPUT);
        assertThat(err.toString()).contains("BACKGROUND").contains("beach").contains("--model DIR");
        assertThat(beach).doesNotExist();
    }

    private static double meanBlueMinusRed(RgbImage img, Mask mask) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (mask.get(x, y) > 0.5f) {
                    sum += img.channel(x, y, 2) - img.channel(x, y, 0);
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void mllmHeadersAndQueryParametersReachTheServer() throws Exception {
        java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            seen.add(ex.getRequestURI() + " api-key=" + ex.getRequestHeaders().getFirst("api-key"));
            String content = "{\\\"category\\\": \\\"remove\\\", \\\"target_object\\\": \\\"red square\\\","
                    + " \\\"box\\\": null, \\\"target_caption\\\": \\\"a gray wall\\\"}";
            byte[] body = ("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"" + content + "\"}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/deployments/vlm";
            int code = run("edit", "please remove the red square", "-i", image.toString(), "-o", dir.resolve("o.png").toString(),
                    "--box", "20,16,32,28", "--mllm-model", "vlm", "--mllm-url", base,
                    "--mllm-header", "api-key=azure-key-123", "--mllm-query", "api-version=2024-10-21");
            assertThat(code).as(err.toString()).isZero();
            assertThat(seen).containsExactly(
                    "/openai/deployments/vlm/chat/completions?api-version=2024-10-21 api-key=azure-key-123");
            assertThat(out.toString()).contains("plan: REMOVE \"red square\"");
        } finally {
            server.stop(0);
        }
    }
}
