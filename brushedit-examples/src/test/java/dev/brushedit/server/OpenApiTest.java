package dev.brushedit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.inpaint.Inpainter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI description and the served routes agree both ways, the server serves that
 * file, and every route answers (a 404 of a route that exists is our JSON error, never "no route").
 */
class OpenApiTest {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):\\s*$");

    static Set<String> describedOperations(String yaml) {
        Set<String> ops = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml.split("\n")) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.startsWith("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH.matcher(line);
            if (p.matches()) {
                path = p.group(1);
                continue;
            }
            Matcher m = METHOD.matcher(line);
            if (m.matches() && path != null) {
                ops.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return ops;
    }

    static String committedYaml() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream(Routes.OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationIsServed() throws Exception {
        try (Inpainter inpainter = Inpainter.builder().backend(Inpainter.Backend.PATCHMATCH).build();
                BrushEditServer server = BrushEditServer.builder().port(0).inpainter(inpainter).build().start()) {
            Set<String> served = new TreeSet<>();
            server.routes().forEach(r -> served.add(r.method() + " " + r.path()));
            Set<String> described = describedOperations(committedYaml());
            assertThat(described).hasSizeGreaterThan(10);
            assertThat(described).isEqualTo(served);

            ApiClient api = new ApiClient(server.port());
            assertThat(api.get("/openapi.yaml").text()).isEqualTo(committedYaml());
            for (String op : served) {
                String method = op.substring(0, op.indexOf(' '));
                String path = op.substring(op.indexOf(' ') + 1).replace("{id}", "no-such-job");
                ApiClient.Answer a = switch (method) {
                    case "GET" -> api.get(path);
                    case "POST" -> api.postRaw(path, "{}");
                    default -> api.delete(path);
                };
                assertThat(a.status()).as(op).isNotEqualTo(405);
                if (a.status() == 404) {
                    assertThat(a.json()).as(op + " answers our JSON error, so the route exists").isNotNull();
                    assertThat(a.json().at("/error/field").asText()).isEqualTo("id");
                }
            }
        }
    }

    @Test
    void theParserSeesAMissingOperation() throws Exception {
        String yaml = committedYaml().replace("  /api/segment:\n", "  /api/segmentation:\n");
        assertThat(describedOperations(yaml)).contains("POST /api/segmentation").doesNotContain("POST /api/segment");
    }
}
