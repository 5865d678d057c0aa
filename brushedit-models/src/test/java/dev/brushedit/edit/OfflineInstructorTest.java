package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class OfflineInstructorTest {
    static final RgbImage IMAGE = RgbImage.filled(200, 100, 0, 0, 0);
    static final OfflineInstructor INSTRUCTOR = OfflineInstructor.create();

    static Box box(String instruction) {
        return INSTRUCTOR.plan(IMAGE, instruction).box().orElseThrow();
    }

    @Test
    void additionBoxesFollowTheDocumentedPlacement() {
        // 0.4 of 200x100 = 80x40, centred at (0.5, 0.5), (0.25, ...) for left, (..., 0.25) for top
        assertThat(box("add a hat")).isEqualTo(new Box(60, 30, 140, 70));
        assertThat(box("add a hat on the left")).isEqualTo(new Box(10, 30, 90, 70));
        assertThat(box("add a hat on the right")).isEqualTo(new Box(110, 30, 190, 70));
        assertThat(box("add a kite in the sky")).isEqualTo(new Box(60, 5, 140, 45));
        assertThat(box("add a rock at the bottom")).isEqualTo(new Box(60, 55, 140, 95));
        assertThat(box("add a cat in the corner")).isEqualTo(new Box(60, 55, 140, 95));
        assertThat(box("add a cat in the top right corner")).isEqualTo(new Box(110, 5, 190, 45));
        Box whole = OfflineInstructor.builder().additionSize(1.0).build().plan(IMAGE, "add a cat on the left").box().orElseThrow();
        assertThat(whole).isEqualTo(new Box(0, 0, 200, 100));
    }

    @Test
    void onlyAdditionsGetABox() {
        assertThat(INSTRUCTOR.plan(IMAGE, "remove the cat").box()).isEmpty();
        assertThat(INSTRUCTOR.plan(IMAGE, "make it winter").box()).isEmpty();
    }

    @Test
    void theConfiguredForegroundIsKeptForBackgroundEdits() {
        EditPlan p = OfflineInstructor.builder().foreground("person").build().plan(IMAGE, "change the background to a beach");
        assertThat(p.targetObject()).isEqualTo("person");
        assertThat(p.instruction()).isEqualTo("change the background to a beach");
    }

    @Test
    void misspeltVerbsAreMatchedWithinTheEditDistance() {
        assertThat(VerbLexicon.distance("rmeove", "remove")).isEqualTo(1);
        assertThat(VerbLexicon.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(VerbLexicon.canonical("remvoe")).isEqualTo("remove");
        assertThat(VerbLexicon.canonical("replacing")).isEqualTo("replace");
        assertThat(VerbLexicon.canonical("deleted")).isEqualTo("delete");
        assertThat(VerbLexicon.canonical("xylophone")).isNull();
        assertThat(VerbLexicon.canonical("the")).isNull();
    }

    @Test
    void instructionsOutsideTheGrammarGetAnErrorWithExamples() {
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "what a lovely photo")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("could not understand \"what a lovely photo\"").hasMessageContaining("remove the dog");
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "remove")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing follows the verb");
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "please")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("could not understand");
    }

    @Test
    void emptyInstructionsAndNonEnglishScriptsAreRejected() {
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instruction must not be empty or blank");
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "\n ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> INSTRUCTOR.plan(null, "remove the cat")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image");
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "犬を消してください")).hasMessageContaining("Japanese");
        assertThatThrownBy(() -> INSTRUCTOR.plan(IMAGE, "убери собаку")).hasMessageContaining("Cyrillic");
        // English with a foreign loan word stays English
        assertThat(INSTRUCTOR.plan(IMAGE, "remove the piñata").targetObject()).isEqualTo("piñata");
        assertThat(INSTRUCTOR.plan(IMAGE, "add a sombrero on the man").targetObject()).isEqualTo("sombrero");
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> OfflineInstructor.builder().additionSize(0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("additionSize");
        assertThatThrownBy(() -> OfflineInstructor.builder().foreground(" ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("foreground");
    }
}
