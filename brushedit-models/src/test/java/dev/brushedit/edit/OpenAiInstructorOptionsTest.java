package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Custom headers and query parameters (Azure-style endpoints), an injected HttpClient, and {@code fromEnv}. */
@Timeout(20)
class OpenAiInstructorOptionsTest {
    private static final RgbImage IMAGE = RgbImage.filled(64, 48, 10, 120, 200);
    private static final String PLAN = "{\"category\": \"remove\", \"target_object\": \"dog\", \"box\": null,"
            + " \"target_caption\": \"a lawn\"}";

    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void azureStyleDeploymentWithApiKeyHeaderAndApiVersion() {
        String base = server.baseUrl().replace("/v1", "/openai/deployments/gpt-4o");
        OpenAiInstructor i = OpenAiInstructor.builder().baseUrl(base).model("gpt-4o")
                .header("api-key", "azure-secret-1").queryParameter("api-version", "2024-10-21").build();
        server.completion(PLAN);

        assertThat(i.plan(IMAGE, "remove the dog").targetObject()).isEqualTo("dog");

        ScriptedServer.Received r = server.received().get(0);
        assertThat(r.pathAndQuery()).isEqualTo("/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
        assertThat(r.header("api-key")).isEqualTo("azure-secret-1");
        assertThat(r.authorization()).isNull();
        assertThat(i.endpoint()).hasToString(base + "/chat/completions?api-version=2024-10-21");
    }

    @Test
    void queryValuesAreEncodedAndHeadersKeepTheirOrderAndLastValue() {
        OpenAiInstructor i = OpenAiInstructor.builder().baseUrl(server.baseUrl()).model("m").apiKey("sk-abcdef")
                .queryParameter("a", "x y&z").queryParameter("b", "2").header("X-Trace", "one").header("X-Trace", "two")
                .build();
        server.completion(PLAN);
        i.plan(IMAGE, "remove the dog");

        ScriptedServer.Received r = server.received().get(0);
        assertThat(r.pathAndQuery()).isEqualTo("/v1/chat/completions?a=x+y%26z&b=2");
        assertThat(r.header("x-trace")).isEqualTo("two");
        assertThat(r.authorization()).isEqualTo("Bearer sk-abcdef");
    }

    @Test
    void badHeadersAndParametersFailFast() {
        OpenAiInstructor.Builder b = OpenAiInstructor.builder();
        assertThatThrownBy(() -> b.header("api key", "v")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header name");
        assertThatThrownBy(() -> b.header("X-A", "line\r\nInjected: 1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("X-A").hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> b.header("Host", "example.org")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Host");
        assertThatThrownBy(() -> b.header("Content-Type", "text/plain")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.header(null, "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.queryParameter("", "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.queryParameter("a", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OpenAiInstructor.builder().model("m").apiKey("sk-1234")
                .header("Authorization", "Bearer other").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Authorization")
                .hasMessageNotContaining("sk-1234").hasMessageNotContaining("Bearer other");
    }

    @Test
    void anInjectedHttpClientIsTheOneUsedAndKeptByToBuilder() {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            HttpClient client = HttpClient.newBuilder().executor(r -> {
                tasks.incrementAndGet();
                pool.execute(r);
            }).build();
            server.completion(PLAN).completion(PLAN);
            OpenAiInstructor i = OpenAiInstructor.builder().baseUrl(server.baseUrl()).model("m").httpClient(client).build();

            assertThat(i.plan(IMAGE, "remove the dog").targetCaption()).isEqualTo("a lawn");
            int afterFirst = tasks.get();
            assertThat(afterFirst).isPositive();
            i.toBuilder().build().plan(IMAGE, "remove the dog");
            assertThat(tasks.get()).isGreaterThan(afterFirst);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fromEnvReadsTheDocumentedVariablesAndSettersWin() {
        Map<String, String> env = Map.of(OpenAiInstructor.ENV_BASE_URL, server.baseUrl() + "/",
                OpenAiInstructor.ENV_MODEL, " qwen2.5vl:7b ", OpenAiInstructor.ENV_API_KEY, "sk-from-env");
        OpenAiInstructor i = OpenAiInstructor.fromEnv(env).build();
        assertThat(i.endpoint()).hasToString(server.baseUrl() + "/chat/completions");
        assertThat(i.model()).isEqualTo("qwen2.5vl:7b");
        server.completion(PLAN);
        i.plan(IMAGE, "remove the dog");
        assertThat(server.received().get(0).authorization()).isEqualTo("Bearer sk-from-env");

        OpenAiInstructor j = OpenAiInstructor.fromEnv(env).model("gpt-4o").baseUrl("https://example.org/v1").build();
        assertThat(j.model()).isEqualTo("gpt-4o");
        assertThat(j.endpoint()).hasToString("https://example.org/v1/chat/completions");
    }

    @Test
    void fromEnvNamesTheVariableOfABadValue() {
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of(OpenAiInstructor.ENV_BASE_URL, "ftp://example.org")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OpenAiInstructor.ENV_BASE_URL)
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of(OpenAiInstructor.ENV_API_KEY, "sk bad\nkey")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OpenAiInstructor.ENV_API_KEY)
                .hasMessageNotContaining("sk bad");
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of()).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OpenAiInstructor.ENV_MODEL);
    }

    @Test
    void theBuilderAloneReadsNoEnvironment() {
        // without fromEnv nothing comes from the environment: the default URL is OpenAI's and the model is required
        assertThatThrownBy(() -> OpenAiInstructor.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model must be set")
                .hasMessageContaining("fromEnv");
        assertThat(OpenAiInstructor.builder().model("m").build().endpoint())
                .hasToString(OpenAiInstructor.DEFAULT_BASE_URL + "/chat/completions");
    }
}
