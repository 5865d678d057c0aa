package dev.brushedit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.core.Checks;
import dev.brushedit.models.ModelFolder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a newcomer expects of the project: licence, build snippets, module names, one ONNX Runtime version. */
class ConventionsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void licenseFileIsApache2AsThePomDeclares() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(pom).contains("<name>Apache License, Version 2.0</name>");
        String license = Files.readString(ROOT.resolve("LICENSE"));
        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004")
                .contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    }

    @Test
    void readmeShowsMavenAndGradleCoordinates() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("<artifactId>brushedit-models</artifactId>")
                .contains("implementation(\"dev.brushedit:brushedit-models:" + projectVersion() + "\")");
    }

    @Test
    void exporterVerifiesWithTheOnnxRuntimeVersionTheJavaSideRuns() throws IOException {
        String javaVersion = first(Files.readString(ROOT.resolve("pom.xml")), "<onnxruntime.version>([^<]+)</onnxruntime.version>");
        String requirements = first(Files.readString(ROOT.resolve("tools/exporter/requirements.txt")),
                "(?m)^onnxruntime==([^\\s#]+)");
        String pyproject = first(Files.readString(ROOT.resolve("tools/exporter/pyproject.toml")), "\"onnxruntime==([^\"]+)\"");
        assertThat(List.of(requirements, pyproject)).as("tools/exporter pins vs pom.xml's onnxruntime.version")
                .containsOnly(javaVersion);
    }

    @ParameterizedTest
    @CsvSource({"brushedit-core, dev.brushedit.core", "brushedit-blend, dev.brushedit.blend",
        "brushedit-models, dev.brushedit.models", "brushedit-examples, dev.brushedit.examples"})
    void everyJarNamesItsModule(String module, String name) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        assertThat(first(pom, "<brushedit.module.name>([^<]+)</brushedit.module.name>")).isEqualTo(name);
        assertThat(Files.readString(ROOT.resolve("pom.xml")))
                .contains("<Automatic-Module-Name>${brushedit.module.name}</Automatic-Module-Name>");
    }

    @Test
    void builtJarsCarryTheirModuleNames() throws IOException, URISyntaxException {
        // In `mvn verify` the other modules are jars by now; in `mvn test` they are class folders (nothing to read).
        Map<Class<?>, String> expected = Map.of(Checks.class, "dev.brushedit.core", MaskOps.class, "dev.brushedit.blend",
                ModelFolder.class, "dev.brushedit.models");
        for (Map.Entry<Class<?>, String> e : expected.entrySet()) {
            Path source = Path.of(e.getKey().getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                try (JarFile jar = new JarFile(source.toFile())) {
                    assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(source.toString())
                            .isEqualTo(e.getValue());
                }
            }
        }
    }

    @Test
    void javadocDrawsThePipelineAndLinksAcrossModules() throws IOException, URISyntaxException {
        // In `mvn verify` brushedit-models' Javadoc jar is built before these tests; in `mvn test` there is none.
        Path jar = Path.of(ModelFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path javadoc = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-javadoc.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar) && Files.isRegularFile(javadoc), "no Javadoc jar in this build");
        try (JarFile docs = new JarFile(javadoc.toFile())) {
            assertThat(entry(docs, "index.html")).contains("The pipeline").contains("BrushNet inpainting");
            assertThat(entry(docs, "dev/brushedit/models/Unet.html"))
                    .contains("href=\"https://javadoc.io/doc/dev.brushedit/brushedit-core/" + projectVersion()
                            + "/dev/brushedit/core/tensor/Tensor.html\"");
            assertThat(docs.getEntry("dev/brushedit/models/internal/GraphSession.html")).as("internal packages are not documented")
                    .isNull();
        }
    }

    private static String entry(JarFile jar, String name) throws IOException {
        assertThat(jar.getEntry(name)).as(name).isNotNull();
        try (java.io.InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String projectVersion() throws IOException {
        return first(Files.readString(ROOT.resolve("pom.xml")), "<artifactId>brushedit-parent</artifactId>\\s*<version>([^<]+)</version>");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern " + regex).isTrue();
        return m.group(1);
    }
}
