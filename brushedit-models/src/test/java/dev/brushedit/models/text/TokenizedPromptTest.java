package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.brushedit.core.InvalidInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenizedPromptTest {
    private static final ClipTokenizer TOK = TokenizerFixture.TOKENIZER;
    private static final int COMMA = 267;

    private static int[] emptyWindow() {
        int[] w = new int[77];
        Arrays.fill(w, 49407);
        w[0] = 49406;
        return w;
    }

    @Test
    void emptyPromptIsOneEmptyUnweightedWindow() {
        TokenizedPrompt t = TOK.tokenizeWeighted("");
        assertThat(t.windowCount()).isEqualTo(1);
        assertThat(t.ids(0)).containsExactly(emptyWindow());
        assertThat(t.weights(0)).containsOnly(1f);
        assertThat(t.isWeighted()).isFalse();
        assertThat(t.tokenCount()).isZero();
    }

    @Test
    void shortPromptEqualsEncodeForModelWithWeights() {
        TokenizedPrompt t = TOK.tokenizeWeighted("a (red:1.5) car");
        int[] ids = TOK.encode("a red car");
        assertThat(t.ids(0)).containsExactly(TOK.encodeForModel("a red car"));
        float[] w = t.weights(0);
        assertThat(w[0]).isEqualTo(1f);
        assertThat(w[1]).isEqualTo(1f);
        assertThat(w[2]).isEqualTo(1.5f);
        assertThat(w[3]).isEqualTo(1f);
        assertThat(w[ids.length + 1]).isEqualTo(1f);
        assertThat(t.isWeighted()).isTrue();
        assertThat(t.tokenCount()).isEqualTo(3);
    }

    @Test
    void literalTokenizeKeepsBracketsAsText() {
        TokenizedPrompt t = TOK.tokenize("a (red:1.5) car");
        assertThat(t.isWeighted()).isFalse();
        assertThat(t.ids(0)).containsExactly(TOK.encodeForModel("a (red:1.5) car"));
    }

    @Test
    void longPromptWithoutCommasIsCutEverySeventyFiveIds() {
        TokenizedPrompt t = TOK.tokenizeWeighted("cat ".repeat(160));
        int cat = TOK.encode("cat")[0];
        assertThat(t.windowCount()).isEqualTo(3);
        assertThat(t.tokenCount()).isEqualTo(160);
        for (int w = 0; w < 2; w++) {
            int[] ids = t.ids(w);
            assertThat(ids[0]).isEqualTo(49406);
            assertThat(Arrays.copyOfRange(ids, 1, 76)).containsOnly(cat);
            assertThat(ids[76]).isEqualTo(49407);
        }
        int[] last = t.ids(2);
        assertThat(Arrays.copyOfRange(last, 1, 11)).containsOnly(cat);
        assertThat(Arrays.copyOfRange(last, 11, 77)).containsOnly(49407);
    }

    @Test
    void fullWindowMovesTheWordsAfterARecentCommaToTheNextWindow() {
        // 60 words, a comma, 14 words: the window is full (75) when the 76th id arrives; the comma is
        // 15 ids back (<= 20), so the 14 words after it move to window 2.
        String prompt = "cat ".repeat(60) + ", " + "dog ".repeat(14) + "bird";
        TokenizedPrompt t = TOK.tokenizeWeighted(prompt);
        assertThat(t.windowCount()).isEqualTo(2);
        int[] first = t.ids(0);
        assertThat(first[61]).isEqualTo(COMMA);
        assertThat(Arrays.copyOfRange(first, 62, 77)).containsOnly(49407);
        int[] second = t.ids(1);
        int dog = TOK.encode("dog")[0];
        assertThat(Arrays.copyOfRange(second, 1, 15)).containsOnly(dog);
        assertThat(second[15]).isEqualTo(TOK.encode("bird")[0]);
        assertThat(second[16]).isEqualTo(49407);
    }

    @Test
    void commaFurtherBackThanTwentyIdsDoesNotMoveWords() {
        // comma 25 ids before the end of the window: plain cut at 75
        String prompt = "cat ".repeat(49) + ", " + "dog ".repeat(30);
        TokenizedPrompt t = TOK.tokenizeWeighted(prompt);
        assertThat(t.windowCount()).isEqualTo(2);
        assertThat(t.ids(0)[75]).isEqualTo(TOK.encode("dog")[0]);
        assertThat(t.ids(1)[1]).isEqualTo(TOK.encode("dog")[0]);
        assertThat(t.ids(1)[6]).isEqualTo(49407);
    }

    @Test
    void breakClosesTheWindowEvenWhenEmpty() {
        TokenizedPrompt t = TOK.tokenizeWeighted("BREAK a cat BREAK BREAK (dog)");
        assertThat(t.windowCount()).isEqualTo(4);
        assertThat(t.ids(0)).containsExactly(emptyWindow());
        assertThat(t.ids(1)).containsExactly(TOK.encodeForModel("a cat"));
        assertThat(t.ids(2)).containsExactly(emptyWindow());
        assertThat(t.ids(3)).containsExactly(TOK.encodeForModel("dog"));
        assertThat(t.weights(3)[1]).isCloseTo(1.1f, within(1e-6f));
    }

    @Test
    void negativePromptIsPaddedWithEmptyWindows() {
        TokenizedPrompt positive = TOK.tokenizeWeighted("cat ".repeat(100));
        TokenizedPrompt negative = TOK.tokenizeWeighted("blurry");
        TokenizedPrompt padded = negative.padTo(positive.windowCount());
        assertThat(padded.windowCount()).isEqualTo(2);
        assertThat(padded.ids(0)).containsExactly(negative.ids(0));
        assertThat(padded.ids(1)).containsExactly(emptyWindow());
        assertThat(padded.weights(1)).containsOnly(1f);
        assertThat(padded.tokenCount()).isEqualTo(negative.tokenCount());
        assertThat(positive.padTo(2)).isSameAs(positive);
        assertThat(negative.windowCount()).isEqualTo(1);
    }

    @Test
    void padToRejectsShrinkingAndAbsurdCounts() {
        TokenizedPrompt two = TOK.tokenizeWeighted("cat ".repeat(100));
        assertThatThrownBy(() -> two.padTo(1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("windowCount must be between 2 and 64, was 1");
        assertThatThrownBy(() -> two.padTo(65)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void windowIndexIsChecked() {
        TokenizedPrompt t = TOK.tokenizeWeighted("cat");
        assertThatThrownBy(() -> t.ids(1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("window must be between 0 and 0, was 1");
        assertThatThrownBy(() -> t.weights(-1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void accessorsReturnCopies() {
        TokenizedPrompt t = TOK.tokenizeWeighted("(cat)");
        t.ids(0)[1] = 5;
        t.weights(0)[1] = 9f;
        assertThat(t.ids(0)[1]).isNotEqualTo(5);
        assertThat(t.weights(0)[1]).isCloseTo(1.1f, within(1e-6f));
    }

    @Test
    void equalityIsByIdsAndWeights() {
        assertThat(TOK.tokenizeWeighted("a (cat)")).isEqualTo(TOK.tokenizeWeighted("a  (cat)"))
                .hasSameHashCodeAs(TOK.tokenizeWeighted("a  (cat)"));
        assertThat(TOK.tokenizeWeighted("a (cat)")).isNotEqualTo(TOK.tokenizeWeighted("a [cat]"));
        assertThat(TOK.tokenizeWeighted("a (cat)")).isNotEqualTo(TOK.tokenizeWeighted("a (dog)"));
        assertThat(TOK.tokenizeWeighted("cat").toString()).contains("windows=1", "tokens=1", "weighted=false");
    }
}
