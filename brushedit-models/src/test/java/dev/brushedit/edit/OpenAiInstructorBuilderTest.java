package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiInstructorBuilderTest {

    @Test
    void defaultsComeFromTheEnvironment() {
        Map<String, String> env = Map.of(OpenAiInstructor.ENV_BASE_URL, "http://localhost:11434/v1/",
                OpenAiInstructor.ENV_MODEL, " qwen2.5vl:7b ");
        OpenAiInstructor i = OpenAiInstructor.fromEnv(env).build();
        assertThat(i.endpoint()).hasToString("http://localhost:11434/v1/chat/completions");
        assertThat(i.model()).isEqualTo("qwen2.5vl:7b");
        assertThat(i.currentStructuredOutput()).isEqualTo(StructuredOutput.JSON_SCHEMA);
    }

    @Test
    void builderWinsOverEnvironmentAndOpenAiIsTheLastResort() {
        Map<String, String> env = Map.of(OpenAiInstructor.ENV_MODEL, "env-model");
        OpenAiInstructor i = OpenAiInstructor.fromEnv(env).model("gpt-4o").build();
        assertThat(i.endpoint()).hasToString("https://api.openai.com/v1/chat/completions");
        assertThat(i.model()).isEqualTo("gpt-4o");
    }

    @Test
    void missingModelIsRejectedAtBuild() {
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of()).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OpenAiInstructor.ENV_MODEL);
    }

    @Test
    void badEnvironmentValuesAreRejectedAtBuild() {
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of(OpenAiInstructor.ENV_BASE_URL, "ftp://example.org"))
                .model("m").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> OpenAiInstructor.fromEnv(Map.of(OpenAiInstructor.ENV_API_KEY, "sk bad\nkey"))
                .model("m").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OpenAiInstructor.ENV_API_KEY)
                .hasMessageNotContaining("sk bad");
    }

    @Test
    void settersFailFast() {
        OpenAiInstructor.Builder b = OpenAiInstructor.builder();
        assertThatThrownBy(() -> b.baseUrl("not a url")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.baseUrl("http://user:pw@host/v1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.baseUrl("https://host/v1?x=1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.model(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.apiKey(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.maxRetries(11)).isInstanceOf(InvalidInputException.class)
                .hasMessage("maxRetries must be between 0 and 10, was 11");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.timeout(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.backoff(Duration.ofMillis(-1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.maxImageSide(32)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.temperature(Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.maxReplyBytes(10)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.structuredOutput(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.boxUnits(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> b.sleeper(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void conflictingBackoffsAreRejectedAtBuild() {
        assertThatThrownBy(() -> OpenAiInstructor.builder().model("m")
                .backoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxBackoff");
    }

    @Test
    void toBuilderKeepsOptions() {
        OpenAiInstructor a = OpenAiInstructor.builder().baseUrl("http://127.0.0.1:9/v1").model("m")
                .structuredOutput(StructuredOutput.NONE).build();
        OpenAiInstructor b = a.toBuilder().model("n").build();
        assertThat(b.endpoint()).isEqualTo(a.endpoint());
        assertThat(b.model()).isEqualTo("n");
        assertThat(b.currentStructuredOutput()).isEqualTo(StructuredOutput.NONE);
    }
}
