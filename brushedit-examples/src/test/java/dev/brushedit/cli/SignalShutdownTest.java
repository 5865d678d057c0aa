package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while the CLI creates ONNX Runtime sessions: the child JVM must exit 130 with one line,
 * never crash (exit 134, an hs_err file). Each run is stopped the moment the child logs that it
 * opens its n-th graph, so the signal lands during session creation whatever the machine's speed.
 * Before the fix the JVM's default exit ran ONNX Runtime's shutdown hook under the running call.
 */
class SignalShutdownTest {
    private static final Path MODEL = ModelCommandsTest.STANDINS.resolve("sd15-tiny-brushnet").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermDuringModelLoadingExits130WithoutACrash() throws Exception {
        Assumptions.assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "POSIX signals");
        List<String> outcomes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Process child = start();
            String stderr = stopAtOpening(child, n);
            assertThat(child.waitFor(35, TimeUnit.SECONDS)).as("child ended").isTrue();
            int code = child.exitValue();
            outcomes.add("opening #" + n + " -> " + code);
            assertThat(code).as("exit code after SIGTERM at graph %d; stderr:%n%s", n, stderr).isEqualTo(130);
            assertThat(stderr).contains("brushedit: cancelled").doesNotContain("A fatal error");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith("hs_err"));
        }
        assertThat(outcomes).hasSize(3);
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The class path goes in an argument file: on a command line longer than about 4 KiB, ONNX Runtime's session
        // creation crashes the child (SIGSEGV, no hs_err), whatever the signal.
        Path args = dir.resolve("classpath.args");
        Files.writeString(args, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "@" + args, BrushEditCli.class.getName(), "info", "--model", MODEL.toString());
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the child's output until it opens its n-th graph, sends SIGTERM, and returns all output. */
    private static String stopAtOpening(Process child, int n) throws IOException {
        StringBuilder all = new StringBuilder();
        int opened = 0;
        boolean signalled = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (!signalled && line.contains("ModelFolder") && line.contains("opening") && ++opened == n) {
                    child.toHandle().destroy(); // SIGTERM on POSIX; Process.destroy would close our end of the pipe
                    signalled = true;
                }
            }
        }
        assertThat(signalled).as("the child opened %d graphs; output:%n%s", n, all).isTrue();
        return all.toString();
    }
}
