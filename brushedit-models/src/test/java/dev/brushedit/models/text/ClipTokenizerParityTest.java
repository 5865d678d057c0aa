package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ids of OpenAI CLIP's simple_tokenizer for 145 prompts (parity.json; see the README beside it for how
 * they were generated) must be reproduced exactly.
 */
class ClipTokenizerParityTest {
    static Stream<Arguments> cases() throws IOException {
        return textAndIds("/clip-tokenizer/parity.json");
    }

    /** The {@code (text, ids)} cases of a reference file with a {@code cases} array of {@code {text, ids}}. */
    static Stream<Arguments> textAndIds(String resource) throws IOException {
        JsonNode root = new ObjectMapper().readTree(ClipTokenizerParityTest.class.getResourceAsStream(resource));
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            int[] ids = new int[c.get("ids").size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = c.get("ids").get(i).asInt();
            }
            out.add(Arguments.of(c.get("text").asText(), ids));
        }
        return out.stream();
    }

    @Test
    void fileHoldsAtLeastOneHundredCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void encodeMatchesOpenAiClip(String text, int[] expected) {
        assertThat(TokenizerFixture.TOKENIZER.encode(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void encodeForModelIsTheSd15Layout(String text, int[] expected) {
        int[] model = TokenizerFixture.TOKENIZER.encodeForModel(text);
        int n = Math.min(expected.length, 75);
        assertThat(model).hasSize(77);
        assertThat(model[0]).isEqualTo(49406);
        for (int i = 0; i < n; i++) {
            assertThat(model[1 + i]).isEqualTo(expected[i]);
        }
        for (int i = n + 1; i < 77; i++) {
            assertThat(model[i]).isEqualTo(49407);
        }
    }
}
