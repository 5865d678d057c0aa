package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code brushedit serve} binds 127.0.0.1 by default, serves the weight-free backend without --model, and stops when interrupted. */
class ServeCommandTest {

    @Test
    void servesOnLoopbackUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--workers", "2"));
        serving.setDaemon(true);
        serving.start();
        Pattern line = Pattern.compile("serving patchmatch on http://127\\.0\\.0\\.1:(\\d+)/");
        Matcher m = line.matcher("");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(m = line.matcher(out.toString())).find() && System.nanoTime() < until && serving.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(m.find(0)).as("stdout %s, stderr %s", out, err).isTrue();
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + m.group(1) + "/api/info")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"backend\":\"patchmatch\"").contains("\"workers\":2");
        serving.interrupt();
        serving.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(serving.isAlive()).isFalse();
    }
}
