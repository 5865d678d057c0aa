package dev.brushedit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README compiles against the current API, so a renamed class or
 * method cannot leave the README behind. Each block becomes the body of its own method; the names the
 * README's prose introduces (an {@code image}, a {@code mask}, an {@code inpainter} ...) are its parameters
 * when the block uses them without declaring them.
 */
class ReadmeSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import dev.brushedit.blend.*;",
            "import dev.brushedit.core.image.*;",
            "import dev.brushedit.edit.*;",
            "import dev.brushedit.inpaint.*;",
            "import dev.brushedit.inpaint.outpaint.OutpaintExtension;",
            "import dev.brushedit.models.ExecutionOptions;",
            "import dev.brushedit.models.text.*;",
            "import dev.brushedit.pix2pix.*;",
            "import dev.brushedit.reference.*;",
            "import dev.brushedit.segment.*;",
            "import dev.brushedit.zone.*;",
            "import java.nio.file.Path;", "");
    /** The names the README's prose gives the reader before a block uses them, with their types. */
    private static final Map<String, String> GIVEN = new LinkedHashMap<>();

    static {
        GIVEN.put("image", "RgbImage");
        GIVEN.put("mask", "Mask");
        GIVEN.put("logo", "RgbImage");
        GIVEN.put("subjectMask", "Mask");
        GIVEN.put("inpainter", "Inpainter");
        GIVEN.put("patchMatch", "Inpainter");
        GIVEN.put("editor", "InstructionEditor");
    }

    @TempDir
    Path dir;

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("```java blocks in README.md").hasSizeGreaterThanOrEqualTo(9);
        List<File> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path source = dir.resolve("Snippet" + i + ".java");
            Files.writeString(source, IMPORTS + "class Snippet" + i + " {\n    static void run(" + parameters(blocks.get(i))
                    + ") throws Exception {\n" + blocks.get(i) + "\n    }\n}\n");
            sources.add(source.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter out = new StringWriter();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(out, files, diagnostics, List.of("-proc:none", "-classpath", classPath, "-d",
                    dir.resolve("classes").toString()), null, files.getJavaFileObjectsFromFiles(sources)).call();
            StringBuilder errors = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> errors.append(d.getSource() == null ? "" : d.getSource().getName())
                    .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n'));
            assertThat(ok).as("README snippets that do not compile (the generated files put the README's block "
                    + "after %d import lines and 2 class lines):%n%s%s", IMPORTS.split("\n").length, errors, out).isTrue();
        }
    }

    /** The given names {@code block} uses without declaring them, as a parameter list. */
    private static String parameters(String block) {
        List<String> params = new ArrayList<>();
        GIVEN.forEach((name, type) -> {
            boolean used = Pattern.compile("(?<![.\\w])" + name + "\\b").matcher(block).find();
            boolean declared = Pattern.compile("\\b[A-Z]\\w*(<[^>]*>)?\\s+" + name + "\\s*=").matcher(block).find();
            if (used && !declared) {
                params.add(type + " " + name);
            }
        });
        return String.join(", ", params);
    }
}
