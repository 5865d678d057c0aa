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
