package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that echo the request's credentials back (a debugging proxy, a misconfigured gateway):
 * no exception message, raw value, cause or stack trace may carry the API key, a bearer token or a
 * configured header secret, whole or cut.
 */
@Timeout(20)
class OpenAiInstructorSecretsTest {
    private static final String KEY = "sk-proj-Zq8vX2mN4pL7wR1tY5uI9oA3sD6fG0hJ";
    private static final String HEADER_SECRET = "azure-Qw3rTy8uIo0pAs5dFg";
    private static final RgbImage IMAGE = RgbImage.filled(64, 48, 10, 120, 200);

    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiInstructor instructor() {
        return OpenAiInstructor.builder().baseUrl(server.baseUrl()).apiKey(KEY).model("m")
                .header("api-key", HEADER_SECRET).timeout(Duration.ofSeconds(5)).maxRetries(0).build();
    }

    private static String echoedHeaders() {
        return "Authorization: Bearer " + KEY + "\napi-key: " + HEADER_SECRET + "\n";
    }

    /** Everything a user or a log could see of the exception, cause chain and stack trace included. */
    private static String everything(MllmException e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w + "\n" + e.getMessage() + "\n" + e.rawValue();
    }

    private MllmException failure() {
        return catchThrowableOfType(MllmException.class, () -> instructor().plan(IMAGE, "remove the dog"));
    }

    private static void assertNoSecret(MllmException e) {
        assertThat(e).isNotNull();
        String seen = everything(e);
        assertThat(seen).doesNotContain(KEY).doesNotContain(HEADER_SECRET)
                // no cut piece either: the first and last halves of each secret
                .doesNotContain(KEY.substring(0, 20)).doesNotContain(KEY.substring(20))
                .doesNotContain(HEADER_SECRET.substring(0, 12)).doesNotContain(HEADER_SECRET.substring(12));
        assertThat(seen).contains("***");
    }

    @Test
    void aNonJsonOkReplyEchoingTheHeadersIsRedacted() {
        server.reply(200, "request was:\n" + echoedHeaders());
        MllmException e = failure();
        assertNoSecret(e);
        assertThat(e.httpStatus()).isEqualTo(200);
    }

    @Test
    void aJsonEnvelopeWithoutContentEchoingTheHeadersIsRedacted() {
        server.reply(200, "{\"echo\": {\"headers\": {\"Authorization\": \"Bearer " + KEY + "\", \"api-key\": \""
                + HEADER_SECRET + "\"}}}");
        assertNoSecret(failure());
    }

    @Test
    void aPlanFieldEchoingTheKeyIsRedacted() {
        server.completion("{\"category\": \"Bearer " + KEY + "\", \"target_object\": \"dog\", \"box\": null,"
                + " \"target_caption\": \"a lawn\"}");
        MllmException e = failure();
        assertNoSecret(e);
        assertThat(e.getMessage()).contains("unknown edit category");
    }

    @Test
    void aKeyStraddlingTheSnippetCutIsNotLeakedInPart() {
        // the snippet is cut at 200 characters; put the key across the cut
        String pad = "x".repeat(MllmText.SNIPPET_CHARS - 10);
        server.reply(200, pad + KEY + " " + HEADER_SECRET);
        assertNoSecret(failure());
    }

    @Test
    void anErrorStatusEchoingTheHeadersIsRedacted() {
        server.reply(403, "{\"error\": \"forbidden\", \"received\": \"" + echoedHeaders().replace("\n", "\\n") + "\"}");
        MllmException e = failure();
        assertNoSecret(e);
        assertThat(e.httpStatus()).isEqualTo(403);
    }

    @Test
    void aJsonEscapedKeyIsRedactedToo() {
        String slashKey = "sk-a/b/c/d-Zq8vX2mN4pL7wR1";
        server.reply(200, "{\"echo\": \"" + slashKey.replace("/", "\\/") + "\"}");
        MllmException e = catchThrowableOfType(MllmException.class, () -> OpenAiInstructor.builder()
                .baseUrl(server.baseUrl()).apiKey(slashKey).model("m").maxRetries(0).build().plan(IMAGE, "remove the dog"));
        assertThat(everything(e)).doesNotContain(slashKey).doesNotContain(slashKey.replace("/", "\\/"));
    }

    @Test
    void aSuccessfulPlanDoesNotCarryAnEchoedKey() {
        server.completion("{\"category\": \"remove\", \"target_object\": \"dog\", \"box\": null,"
                + " \"target_caption\": \"a lawn " + KEY + "\"}");
        EditPlan plan = instructor().plan(IMAGE, "remove the dog");
        assertThat(plan.targetCaption()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 20));
    }

    @Test
    void toStringAndEndpointDisplayHideSecretQueryValues() {
        OpenAiInstructor i = OpenAiInstructor.builder().baseUrl(server.baseUrl()).model("m")
                .queryParameter("key", HEADER_SECRET).build();
        assertThat(i.toString()).doesNotContain(HEADER_SECRET);
        server.reply(500, "upstream said: " + HEADER_SECRET);
        MllmException e = catchThrowableOfType(MllmException.class,
                () -> i.toBuilder().maxRetries(0).build().plan(IMAGE, "remove the dog"));
        assertThat(everything(e)).doesNotContain(HEADER_SECRET);
        assertThat(server.received().get(0).pathAndQuery()).endsWith("?key=" + HEADER_SECRET);
    }
}
