package dev.brushedit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Library modules log through SLF4J only and never print; every public type and every package has Javadoc. */
class LibraryHygieneTest {

    private static List<Path> sources(String module) throws IOException {
        Path root = Path.of("..", module, "src", "main", "java");
        Assumptions.assumeTrue(Files.isDirectory(root), module + " has no sources yet");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brushedit-core", "brushedit-blend", "brushedit-models"})
    void libraryCodeNeverPrints(String module) throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources(module)) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("System.out") || line.contains("System.err") || line.contains(".printStackTrace(")) {
                    offenders.add(file + ":" + (i + 1));
                }
            }
        }
        assertThat(offenders).as("library code must log through SLF4J").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brushedit-core", "brushedit-blend", "brushedit-models"})
    void everyPublicTopLevelTypeHasJavadocWithAThreadSafetyNote(String module) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sources(module)) {
            if (file.getFileName().toString().equals("package-info.java")) {
                continue;
            }
            String text = String.join("\n", read(file));
            int decl = indexOfPublicTopLevelType(text);
            if (decl < 0) {
                continue;
            }
            String before = text.substring(0, decl);
            int docEnd = before.lastIndexOf("*/");
            int docStart = before.lastIndexOf("/**");
            boolean documented = docStart >= 0 && docEnd > docStart;
            if (!documented || !before.substring(docStart, docEnd).contains("Thread-safety")) {
                missing.add(file.toString());
            }
        }
        assertThat(missing).as("public types need Javadoc stating their thread-safety").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brushedit-core", "brushedit-blend", "brushedit-models", "brushedit-examples"})
    void everyPackageHasAPackageInfoWithJavadoc(String module) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path dir : sources(module).stream().map(Path::getParent).distinct().sorted().toList()) {
            Path info = dir.resolve("package-info.java");
            if (!Files.isRegularFile(info) || !String.join("\n", read(info)).contains("/**")) {
                missing.add(dir.toString());
            }
        }
        assertThat(missing).as("every package needs a package-info.java with a Javadoc comment").isEmpty();
    }

    private static int indexOfPublicTopLevelType(String text) {
        for (String kind : new String[] {"public final class ", "public class ", "public abstract class ", "public interface ",
                "public enum ", "public record ", "public sealed interface ", "public @interface ", "public abstract sealed class ",
                "public sealed class ", "public non-sealed class "}) {
            int i = text.indexOf("\n" + kind);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
