package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MllmParsingTest {

    @Test
    void firstObjectIsFoundInProseFencesAndLenientSyntax() {
        JsonNode n = MllmJson.firstObject("Here's it {not json} and ```json\n{'a': 1, b: \"} { in a string\", // c\n 'c': [1,2,],}\n```");
        assertThat(n).isNotNull();
        assertThat(n.path("a").asInt()).isEqualTo(1);
        assertThat(n.path("b").asText()).isEqualTo("} { in a string");
        assertThat(n.path("c")).hasSize(2);
    }

    @Test
    void noOrUnbalancedObjectGivesNull() {
        assertThat(MllmJson.firstObject("Addition")).isNull();
        assertThat(MllmJson.firstObject("{\"a\": {\"b\": 1}")).isNull();
        assertThat(MllmJson.firstObject("[1, 2, 3]")).isNull();
        assertThat(MllmJson.firstObject("")).isNull();
    }

    @Test
    void deeplyNestedRepliesAreRefusedNotOverflowed() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThat(MllmJson.firstObject(deep)).isNull();
        String braces = "{".repeat(200_000) + "}".repeat(200_000) + " {\"ok\": true}";
        assertThat(MllmJson.firstObject(braces).path("ok").asBoolean()).isTrue();
    }

    @Test
    void cleanDropsControlAndInvisibleCharactersAndCollapsesSpace() {
        assertThat(MllmText.clean("  a\u0000b\u200b c\u202e\n\n\td\uE000 ", 100)).isEqualTo("ab c d");
        assertThat(MllmText.clean("x".repeat(50), 10)).hasSize(10);
        assertThat(MllmText.clean("\u0001\u0002", 10)).isEmpty();
    }

    @Test
    void targetObjectKeepsFiveWordsWithoutQuotesOrFullStop() {
        assertThat(MllmText.targetObject("\"the big white fluffy cat on the sofa\".")).isEqualTo("the big white fluffy cat");
        assertThat(MllmText.targetObject("'dog'")).isEqualTo("dog");
        assertThat(MllmText.targetObject("  ")).isEmpty();
    }

    @Test
    void categoriesAreReadStrictly() {
        assertThat(MllmText.category(" 'Addition'. ", "u")).isEqualTo(EditCategory.ADDITION);
        assertThat(MllmText.category("REMOVE", "u")).isEqualTo(EditCategory.REMOVE);
        assertThat(MllmText.category("background", "u")).isEqualTo(EditCategory.BACKGROUND);
        assertThatThrownBy(() -> MllmText.category("local or global", "u")).isInstanceOf(MllmException.class)
                .hasMessageContaining("\"local or global\"");
        assertThatThrownBy(() -> MllmText.category("", "u")).isInstanceOf(MllmException.class);
    }

    @Test
    void autoUnitsFollowTheDocumentedOrder() {
        assertThat(MllmBoxes.decide(new double[] {0, 0, 1, 1}, 640, 480)).isEqualTo(BoxUnits.NORMALIZED);
        assertThat(MllmBoxes.decide(new double[] {0.1, 0.2, 0.5, 0.9}, 640, 480)).isEqualTo(BoxUnits.NORMALIZED);
        assertThat(MllmBoxes.decide(new double[] {10, 20, 640, 481}, 640, 480)).isEqualTo(BoxUnits.PIXELS);
        assertThat(MllmBoxes.decide(new double[] {10, 20, 700, 900}, 640, 480)).isEqualTo(BoxUnits.PER_MILLE);
        assertThat(MllmBoxes.decide(new double[] {10, 20, 1700, 900}, 640, 480)).isEqualTo(BoxUnits.PIXELS);
        assertThat(MllmBoxes.decide(new double[] {-50, 20, 700, 900}, 640, 480)).isEqualTo(BoxUnits.PIXELS);
    }
}
