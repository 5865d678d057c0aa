package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Segments and 77-id windows from AUTOMATIC1111's parse_prompt_attention and tokenize_line
 * (prompt-weighting.json; see the README beside it) must be reproduced. A1111 keeps segments with empty
 * text (they encode to no ids); PromptParser drops them, so they are skipped on the reference side.
 */
class WeightedTokenizationParityTest {
    static Stream<Arguments> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(
                WeightedTokenizationParityTest.class.getResourceAsStream("/clip-tokenizer/prompt-weighting.json"));
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("prompt").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void segmentsMatchA1111(String prompt, JsonNode c) {
        List<WeightedSegment> expected = new ArrayList<>();
        for (JsonNode s : c.get("segments")) {
            String text = s.get(0).asText();
            double weight = s.get(1).asDouble();
            if (text.equals("BREAK") && weight == -1) {
                expected.add(WeightedSegment.breakMarker());
            } else if (!text.isEmpty()) {
                expected.add(new WeightedSegment(text, (float) weight));
            }
        }
        List<WeightedSegment> actual = PromptParser.parse(prompt);
        if (expected.isEmpty()) {
            expected.add(new WeightedSegment("", 1f));
        }
        assertThat(actual).extracting(WeightedSegment::text)
                .containsExactlyElementsOf(expected.stream().map(WeightedSegment::text).toList());
        assertThat(actual).extracting(WeightedSegment::isBreak)
                .containsExactlyElementsOf(expected.stream().map(WeightedSegment::isBreak).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).weight()).isCloseTo(expected.get(i).weight(), within(1e-6f));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void windowsMatchA1111(String prompt, JsonNode c) {
        TokenizedPrompt t = TokenizerFixture.TOKENIZER.tokenizeWeighted(prompt);
        assertThat(t.windowCount()).isEqualTo(c.get("windows").size());
        for (int w = 0; w < t.windowCount(); w++) {
            JsonNode ids = c.get("windows").get(w);
            JsonNode weights = c.get("weights").get(w);
            int[] actualIds = t.ids(w);
            float[] actualWeights = t.weights(w);
            assertThat(actualIds).hasSize(77);
            assertThat(ids.size()).isEqualTo(77);
            for (int i = 0; i < 77; i++) {
                assertThat(actualIds[i]).as("window %d id %d", w, i).isEqualTo(ids.get(i).asInt());
                assertThat((double) actualWeights[i]).as("window %d weight %d", w, i)
                        .isCloseTo(weights.get(i).asDouble(), within(1e-6));
            }
        }
    }
}
