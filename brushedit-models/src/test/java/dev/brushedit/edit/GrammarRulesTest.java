package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.RgbImage;
import org.junit.jupiter.api.Test;

/** One test per general grammar rule of issue 11 (each with several instructions of the same form). */
class GrammarRulesTest {
    private static final RgbImage IMAGE = RgbImage.filled(100, 80, 1, 2, 3);
    private static final OfflineInstructor INSTRUCTOR = OfflineInstructor.create();

    private static EditPlan plan(String instruction) {
        return INSTRUCTOR.plan(IMAGE, instruction);
    }

    private static void expect(String instruction, EditCategory category, String target) {
        EditPlan p = plan(instruction);
        assertThat(p.category()).as("%s -> %s", instruction, p).isEqualTo(category);
        assertThat(p.targetObject()).as("%s -> %s", instruction, p).isEqualTo(target);
    }

    @Test
    void addingABackgroundIsABackgroundEdit() {
        expect("add a snowy mountain background", EditCategory.BACKGROUND, "main subject");
        expect("add a sunset background to the photo", EditCategory.BACKGROUND, "main subject");
        expect("add a background of palm trees", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("add a snowy mountain background").targetCaption()).contains("snowy mountain");
        assertThat(plan("add a background of palm trees").targetCaption()).contains("palm trees");
    }

    @Test
    void addingAStyleEffectOrFilterIsGlobalWhereverItIsApplied() {
        expect("add a watercolor effect", EditCategory.GLOBAL, "");
        expect("add a vintage filter to the dog", EditCategory.GLOBAL, "");
        expect("create a cartoon style", EditCategory.GLOBAL, "");
        expect("create an oil painting effect on the house", EditCategory.GLOBAL, "");
        expect("apply a sepia filter on the cat", EditCategory.GLOBAL, "");
        expect("add a glitch effect to the woman's face", EditCategory.GLOBAL, "");
        assertThat(plan("create a cartoon style").targetCaption()).contains("cartoon style");
        // an object that is not a style stays an addition
        expect("add a hat to the woman", EditCategory.ADDITION, "hat");
    }

    @Test
    void oneSceneTurnedIntoAnotherIsABackgroundEdit() {
        expect("turn the kitchen into a meadow", EditCategory.BACKGROUND, "main subject");
        expect("change the harbour to a city at night", EditCategory.BACKGROUND, "main subject");
        expect("transform the street into a river", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("change the harbour to a city at night").targetCaption()).contains("city at night");
        assertThat(plan("turn the kitchen into a meadow").targetCaption()).contains("meadow");
        // an object turned into another object stays local
        expect("turn the cat into a tiger", EditCategory.LOCAL, "cat");
    }

    @Test
    void shortVerbsAreNeverFuzzyMatched() {
        assertThat(VerbLexicon.canonical("let")).isEqualTo("let");
        assertThat(VerbLexicon.canonical("sat")).isNull();
        assertThat(VerbLexicon.canonical("addd")).isNull();
        assertThat(VerbLexicon.canonical("pit")).isNull();
        assertThat(VerbLexicon.canonical("cot")).isNull();
        assertThat(VerbLexicon.canonical("dry")).isNull();
        assertThat(VerbLexicon.canonical("set")).isEqualTo("set");
        assertThat(VerbLexicon.canonical("sets")).isEqualTo("set");
        // longer verbs still tolerate misspellings
        assertThat(VerbLexicon.canonical("remvoe")).isEqualTo("remove");
        assertThat(VerbLexicon.canonical("mkae")).isEqualTo("make");
        EditPlan p = plan("let the cat jump");
        assertThat(p.category()).isNotEqualTo(EditCategory.ADDITION);
        assertThat(p.targetObject()).isEqualTo("cat");
    }

    @Test
    void anUnknownVerbAppliedToAnObjectIsALocalEditOfThatObject() {
        expect("polish the kettle", EditCategory.LOCAL, "kettle");
        expect("fold the napkin on the table", EditCategory.LOCAL, "napkin");
        expect("open the wooden door", EditCategory.LOCAL, "wooden door");
        expect("crumple this paper", EditCategory.LOCAL, "paper");
        assertThat(plan("polish the kettle").targetCaption()).contains("polished").contains("kettle");
        // a sentence that is not an instruction is still refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan("what a lovely photo"))
                .isInstanceOf(dev.brushedit.core.InvalidInputException.class);
    }

    @Test
    void changingAnAspectOfAnObjectFromAToBTargetsTheObject() {
        expect("change the cat's pose from sitting to standing", EditCategory.LOCAL, "cat");
        expect("change the bird's colour from red to blue", EditCategory.LOCAL, "bird");
        expect("change the man's movement from walking to running", EditCategory.LOCAL, "man");
        expect("change the pose of the dog from lying to sitting", EditCategory.LOCAL, "dog");
        expect("change the horse's color to white", EditCategory.LOCAL, "horse");
        expect("change the cup from red to blue", EditCategory.LOCAL, "cup");
        assertThat(plan("change the cat's pose from sitting to standing").targetCaption()).contains("standing").contains("cat");
        assertThat(plan("change the bird's colour from red to blue").targetCaption()).contains("blue").doesNotContain("red");
    }

    @Test
    void participleAndRelativeClausesAreCutFromTheTargetButNumeralsStay() {
        expect("remove the car parked outside", EditCategory.REMOVE, "car");
        expect("remove the man wearing a hat", EditCategory.REMOVE, "man");
        expect("delete the bird perched on the branch", EditCategory.REMOVE, "bird");
        expect("replace the dog that sits on the sofa with a cat", EditCategory.LOCAL, "dog");
        expect("remove the woman who is smiling", EditCategory.REMOVE, "woman");
        expect("make the dog sitting by the door brown", EditCategory.LOCAL, "dog");
        // participles in front of the noun, and nouns ending in -ing, stay
        expect("remove the old rusted car", EditCategory.REMOVE, "old rusted car");
        expect("remove the sleeping dog", EditCategory.REMOVE, "sleeping dog");
        expect("remove the office building", EditCategory.REMOVE, "office building");
        expect("remove the gold earring", EditCategory.REMOVE, "gold earring");
        // numerals stay
        expect("remove the two boats", EditCategory.REMOVE, "two boats");
        expect("add 3 apples on the table", EditCategory.ADDITION, "3 apples");
        expect("remove the three cups standing on the shelf", EditCategory.REMOVE, "three cups");
    }

    // Rules added after the first run on benchmark-instructions.tsv (general forms; the sentences
    // below are written for these tests, not taken from the set).

    @Test
    void removalSynonymsNegatedExistenceAndTakingFromTheImageAreRemovals() {
        expect("purge the lamp from the photo", EditCategory.REMOVE, "lamp");
        expect("obliterate the car from the picture", EditCategory.REMOVE, "car");
        expect("make sure there are no cars on the road", EditCategory.REMOVE, "cars");
        expect("there should be no clouds", EditCategory.REMOVE, "clouds");
        expect("the vase has to be removed", EditCategory.REMOVE, "vase");
        expect("we should delete the sign", EditCategory.REMOVE, "sign");
        expect("rid the photo of the wires", EditCategory.REMOVE, "wires");
    }

    @Test
    void statementsAboutAnObjectChangeThatObject() {
        expect("the chair is made of gold", EditCategory.LOCAL, "chair");
        expect("ensure the lamp is red", EditCategory.LOCAL, "lamp");
        expect("the table must become round", EditCategory.LOCAL, "table");
        expect("the kettle shall be silver", EditCategory.LOCAL, "kettle");
    }

    @Test
    void aColourAspectGivenOrAppliedToAnObjectIsLocalButAFilterStaysGlobal() {
        expect("give the car a metallic finish", EditCategory.LOCAL, "car");
        expect("give the statue a golden tint", EditCategory.LOCAL, "statue");
        expect("apply a golden tint to the statue", EditCategory.LOCAL, "statue");
        expect("apply a noir filter to the man", EditCategory.GLOBAL, "");
        expect("give the man a hat", EditCategory.ADDITION, "hat");
        expect("make the hat purple in colour", EditCategory.LOCAL, "hat");
        expect("paint the orange purple", EditCategory.LOCAL, "orange");
        expect("colour the boat with a deep blue shade", EditCategory.LOCAL, "boat");
    }

    @Test
    void aCausativeWithAPossessiveKeepsTheSubjectAndOneWithANewObjectAddsIt() {
        expect("make the girl wave her hand", EditCategory.LOCAL, "girl");
        expect("let the dog lift its paw", EditCategory.LOCAL, "dog");
        expect("let a cat walk across the floor", EditCategory.ADDITION, "cat");
        expect("have two ducks swim in the pond", EditCategory.ADDITION, "two ducks");
    }

    @Test
    void anUnknownVerbWithANewObjectAddsItAndOnTheBackgroundOrImageIsBackgroundOrGlobal() {
        expect("scatter some leaves across the lawn", EditCategory.ADDITION, "leaves");
        expect("plant three trees in the garden", EditCategory.ADDITION, "three trees");
        expect("rework the backdrop into a sunset", EditCategory.BACKGROUND, "main subject");
        expect("boost the contrast of the photo", EditCategory.GLOBAL, "");
        expect("raising the saturation", EditCategory.GLOBAL, "");
    }

    @Test
    void withPhrasesAreCutFromTargetsButKeptInCaptions() {
        expect("remove the woman with the red scarf", EditCategory.REMOVE, "woman");
        EditPlan p = plan("add a man with a hat");
        assertThat(p.targetObject()).isEqualTo("man");
        assertThat(p.targetCaption()).contains("hat");
    }

    @Test
    void insteadOfAndByGerundClausesNameTheRealEdit() {
        expect("instead of the mug, place a teapot", EditCategory.LOCAL, "mug");
        expect("improve the scene by inserting a lamp", EditCategory.ADDITION, "lamp");
        expect("refresh the room by removing the boxes", EditCategory.REMOVE, "boxes");
    }

    @Test
    void compoundPlacesCountAsScenes() {
        expect("change the farmland into a desert", EditCategory.BACKGROUND, "main subject");
        expect("turn the forest path into a snowy street", EditCategory.BACKGROUND, "main subject");
    }
}
