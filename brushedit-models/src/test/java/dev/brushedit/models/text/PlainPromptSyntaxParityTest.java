package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PromptSyntax#PLAIN} gives exactly the 77 ids diffusers' pipelines give (transformers' CLIPTokenizer
 * with padding to 77 and truncation; plain-truncation.json, see the README beside it): brackets are text,
 * long prompts are cut, one window, no weights.
 */
class PlainPromptSyntaxParityTest {
    private static final ClipTokenizer TOKENIZER = TokenizerFixture.TOKENIZER;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = ClipTokenizerParityTest.textAndIds("/clip-tokenizer/plain-truncation.json").toList();
        assertThat(out).hasSizeGreaterThanOrEqualTo(8);
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void idsMatchDiffusers(String text, int[] expected) {
        TokenizedPrompt plain = TOKENIZER.tokenize(text, PromptSyntax.PLAIN);
        assertThat(plain.windowCount()).isEqualTo(1);
        assertThat(plain.isWeighted()).isFalse();
        assertThat(plain.ids(0)).containsExactly(expected);
    }

    @Test
    void a1111RemainsTheDefaultAndDiffersOnWeightsAndLongPrompts() {
        String weighted = "a (red:1.3) car on a [wet] road";
        assertThat(TOKENIZER.tokenize(weighted, PromptSyntax.A1111).isWeighted()).isTrue();
        assertThat(TOKENIZER.tokenize(weighted, PromptSyntax.PLAIN).ids(0))
                .isNotEqualTo(TOKENIZER.tokenize(weighted, PromptSyntax.A1111).ids(0));
        String longPrompt = "word ".repeat(120);
        assertThat(TOKENIZER.tokenize(longPrompt, PromptSyntax.A1111).windowCount()).isEqualTo(2);
        TokenizedPrompt cut = TOKENIZER.tokenize(longPrompt, PromptSyntax.PLAIN);
        assertThat(cut.windowCount()).isEqualTo(1);
        assertThat(cut.tokenCount()).isEqualTo(ClipTokenizer.WINDOW_LENGTH);
    }
}
