package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.brushedit.core.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written expectations; the A1111 reference vectors are checked in WeightedTokenizationParityTest. */
class PromptParserTest {
    private static void assertSegments(String prompt, Object... textWeightPairs) {
        List<WeightedSegment> segments = PromptParser.parse(prompt);
        assertThat(segments).hasSize(textWeightPairs.length / 2);
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).text()).as("text of segment %d", i).isEqualTo(textWeightPairs[2 * i]);
            assertThat(segments.get(i).isBreak()).isFalse();
            assertThat((double) segments.get(i).weight()).as("weight of segment %d", i)
                    .isCloseTo(((Number) textWeightPairs[2 * i + 1]).doubleValue(), within(1e-6));
        }
    }

    @Test
    void plainTextIsOneSegmentOfWeightOne() {
        assertSegments("a photo of a cat", "a photo of a cat", 1.0);
        assertSegments("", "", 1.0);
    }

    @Test
    void roundAndSquareBracketsMultiplyAndDivideByOnePointOne() {
        assertSegments("a (red) car", "a ", 1.0, "red", 1.1, " car", 1.0);
        assertSegments("a [red] car", "a ", 1.0, "red", 1 / 1.1, " car", 1.0);
        assertSegments("((red))", "red", 1.21);
        assertSegments("[[[red]]]", "red", 1 / 1.331);
        assertSegments("([red])", "red", 1.0);
    }

    @Test
    void explicitWeightsReplaceTheDefaultMultiplierAndNest() {
        assertSegments("(red:1.3)", "red", 1.3);
        assertSegments("((red:1.5))", "red", 1.65);
        assertSegments("(red: 0.5 )", "red", 0.5);
        assertSegments("(red:-1)", "red", -1.0);
        assertSegments("(red:+.25)", "red", 0.25);
        assertSegments("(a (b:2) c:0.5)", "a ", 0.5, "b", 1.0, " c", 0.5);
    }

    @Test
    void escapesAreLiteralCharacters() {
        assertSegments("\\(not weighted\\)", "(not weighted)", 1.0);
        assertSegments("\\[x\\] \\\\ y", "[x] \\ y", 1.0);
        assertSegments("(a \\) b)", "a ) b", 1.1);
        // A backslash before any other character is dropped, as in A1111.
        assertSegments("a\\b", "ab", 1.0);
    }

    @Test
    void unbalancedBracketsAreLenient() {
        assertSegments("(open to the end", "open to the end", 1.1);
        assertSegments("[open", "open", 1 / 1.1);
        assertSegments("close) only]", "close) only]", 1.0);
        assertSegments("text:1.2) without paren", "text:1.2) without paren", 1.0);
        assertSegments("(a [b) c]", "a ", 1.1, "b", 1.0, " c", 1 / 1.1);
    }

    @Test
    void unparsableWeightIsLiteralTextInsteadOfAnError() {
        assertSegments("(a:1.2.3)", "a:1.2.3", 1.1);
        assertSegments("(a:.)", "a:.", 1.1);
    }

    @Test
    void curlyBracesAndColonsAreText() {
        assertSegments("{a} b: c", "{a} b: c", 1.0);
    }

    @Test
    void breakIsAnUpperCaseWordOfItsOwn() {
        List<WeightedSegment> s = PromptParser.parse("one BREAK two");
        assertThat(s).extracting(WeightedSegment::text).containsExactly("one", "BREAK", "two");
        assertThat(s).extracting(WeightedSegment::isBreak).containsExactly(false, true, false);
        assertSegments("BREAKFAST break Break", "BREAKFAST break Break", 1.0);
    }

    @Test
    void breakInsideBracketsStillBreaks() {
        List<WeightedSegment> s = PromptParser.parse("(a BREAK b)");
        assertThat(s).extracting(WeightedSegment::isBreak).containsExactly(false, true, false);
        assertThat(s.get(0).weight()).isCloseTo(1.1f, within(1e-6f));
        assertThat(s.get(2).weight()).isCloseTo(1.1f, within(1e-6f));
        assertThat(s.get(1).weight()).isEqualTo(1f);
    }

    @Test
    void equalWeightsAreMergedButBreaksAreNot() {
        assertSegments("(a)(b) c", "ab", 1.1, " c", 1.0);
        assertThat(PromptParser.parse("x BREAK BREAK y")).extracting(WeightedSegment::isBreak)
                .containsExactly(false, true, true, false);
    }

    @Test
    void nullPromptIsRejected() {
        assertThatThrownBy(() -> PromptParser.parse(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("prompt must not be null");
    }

    @Test
    void segmentsValidateTheirComponents() {
        assertThatThrownBy(() -> new WeightedSegment(null, 1f)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new WeightedSegment("a", Float.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new WeightedSegment("a", Float.POSITIVE_INFINITY))
                .isInstanceOf(InvalidInputException.class);
        assertThat(WeightedSegment.breakMarker()).isEqualTo(new WeightedSegment("BREAK", 1f, true));
    }
}
