package dev.brushedit.edit;

import static dev.brushedit.edit.GrammarRulesTest.expect;
import static dev.brushedit.edit.GrammarRulesTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.edit.structure.ObjectMotion;
import org.junit.jupiter.api.Test;

/**
 * One test per general grammar rule of issue 11's fifth round, each on sentences written for this test (none is a row of
 * any benchmark set); the helpers are {@link GrammarRulesTest}'s.
 */
class GrammarRound5RulesTest {
    @Test
    void puttingAKeptObjectBeforeANewBackdropIsABackgroundEdit() {
        expect("put the kettle against a black background", EditCategory.BACKGROUND, "kettle");
        expect("place the two red apples against purple and white background", EditCategory.BACKGROUND, "two red apples");
        expect("put the teddy bear in front of a plain white wall", EditCategory.BACKGROUND, "teddy bear");
        expect("set the old camera in front of a blue curtain", EditCategory.BACKGROUND, "old camera");
        expect("put the parrot on a branch with a dark green background", EditCategory.BACKGROUND, "parrot");
        assertThat(plan("put the kettle against a black background").targetCaption()).isEqualTo("a black background");
        // an existing wall, or a new object, is no backdrop
        expect("put the teddy bear in front of the wall", EditCategory.ADDITION, "teddy bear");
        expect("put a lamp against the wall", EditCategory.ADDITION, "lamp");
    }

    @Test
    void aPronounMovedOrTakenToAPlaceIsABackgroundEdit() {
        expect("move it to the moon", EditCategory.BACKGROUND, "main subject");
        expect("take it to a sandy beach", EditCategory.BACKGROUND, "main subject");
        expect("take him to the jungle", EditCategory.BACKGROUND, "main subject");
        expect("take the bicycle to the countryside", EditCategory.BACKGROUND, "bicycle");
        // a position inside the image stays a move
        expect("move it to the left", EditCategory.MOVE, "main subject");
        expect("move the mug next to the teapot", EditCategory.MOVE, "mug");
    }

    @Test
    void aMoveTowardAnotherObjectIsAMoveOfTheSubject() {
        expect("move the vase towards the lamp until they touch", EditCategory.MOVE, "vase");
        expect("slide the green block toward the red one", EditCategory.MOVE, "green block");
        assertThat(plan("move the vase towards the lamp until they touch").motion()).contains(ObjectMotion.sideways());
    }

    @Test
    void aNumericFactorWithAKeptClauseIsAResize() {
        expect("make the lamp 1.5 times larger but keep the table's size unchanged", EditCategory.RESIZE, "lamp");
        expect("make the boat 3 times smaller and keep the dock as it is", EditCategory.RESIZE, "boat");
        assertThat(plan("make the lamp 1.5 times larger but keep the table's size unchanged").motion().orElseThrow().scale())
                .isEqualTo(1.5);
        assertThat(plan("make the boat 3 times smaller and keep the dock as it is").motion().orElseThrow().scale())
                .isEqualTo(1 / 3.0);
    }

    @Test
    void parenthesisedAnnotationsAreDropped() {
        expect("replace the green car (car) with a horse", EditCategory.LOCAL, "green car");
        expect("remove the tall lamp (lamp) from the room", EditCategory.REMOVE, "tall lamp");
    }

    @Test
    void oneSceneReplacedByAnotherWithoutTheWordBackgroundIsABackgroundEdit() {
        expect("change the hotel lobby to a train station setting", EditCategory.BACKGROUND, "main subject");
        expect("turn the classroom into a rustic farm environment", EditCategory.BACKGROUND, "main subject");
        expect("change the kitchen so it is a sunny beach with palm trees", EditCategory.BACKGROUND, "main subject");
        expect("change the office so that it looks like a cosy library", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("change the kitchen so it is a sunny beach with palm trees").targetCaption())
                .isEqualTo("a sunny beach with palm trees");
        // a result clause on an object is a local edit of it
        expect("change the dog so it looks like a wolf", EditCategory.LOCAL, "dog");
    }

    @Test
    void theColourOfTheBackgroundIsABackgroundEdit() {
        expect("change the colour of the background", EditCategory.BACKGROUND, "main subject");
        expect("change the colour of the backdrop to pale blue", EditCategory.BACKGROUND, "main subject");
        expect("make the color of the background green", EditCategory.BACKGROUND, "main subject");
        expect("change the color of the kite", EditCategory.LOCAL, "kite");
    }

    @Test
    void aSelectedObjectIsTheObjectOfTheEditThatFollows() {
        expect("select the white horse and blur the background", EditCategory.BACKGROUND, "white horse");
        expect("isolate the brown dog and remove the background", EditCategory.BACKGROUND, "brown dog");
        expect("find the teapot and make it black", EditCategory.LOCAL, "teapot");
        assertThat(plan("find the teapot and make it black").targetCaption()).contains("black");
    }

    @Test
    void aColourPopOfAnObjectKeepsItAndGreysTheRest() {
        expect("create a colour pop of the girl holding a balloon", EditCategory.BACKGROUND, "girl");
        expect("apply a color splash to the yellow taxi", EditCategory.BACKGROUND, "yellow taxi");
        expect("make a color pop of the red umbrella", EditCategory.BACKGROUND, "red umbrella");
    }

    @Test
    void aStyleGivenToTheImageOrAnIfyVerbOnTheImageIsGlobal() {
        expect("give the original photo a comic-book look", EditCategory.GLOBAL, "");
        expect("cartoonify the natural image", EditCategory.GLOBAL, "");
        expect("animeify the current picture", EditCategory.GLOBAL, "");
        expect("comic-fy the photo", EditCategory.GLOBAL, "");
        assertThat(plan("cartoonify the natural image").targetCaption()).isEqualTo("cartoon style");
        // the same given to, or applied on, one object restyles that object
        expect("give the sofa a retro look", EditCategory.LOCAL, "sofa");
        expect("cartoonify the parrot", EditCategory.LOCAL, "parrot");
    }

    @Test
    void targetsDropMoreAndCutComparisonsAfterTheNoun() {
        expect("add more seagulls", EditCategory.ADDITION, "seagulls");
        expect("add more lanterns which are lit", EditCategory.ADDITION, "lanterns");
        expect("add extra pillows on the bed", EditCategory.ADDITION, "pillows");
        expect("add a kitten much smaller than the cat", EditCategory.ADDITION, "kitten");
        expect("add a tower a bit taller than the church", EditCategory.ADDITION, "tower");
        assertThat(plan("add more seagulls").targetCaption()).contains("more seagulls");
        // "more" before an image adjustment is still the adjustment's amount
        expect("add more contrast", EditCategory.GLOBAL, "");
        assertThat(plan("add more contrast").targetCaption()).contains("more contrast");
    }

    @Test
    void targetsCutActionsColourNounsContractedRelativesAndJoinedAspects() {
        expect("make the dog turn its tail to face the camera", EditCategory.LOCAL, "dog");
        expect("make the kettle orange colour", EditCategory.LOCAL, "kettle");
        expect("make the scarf bright red color", EditCategory.LOCAL, "scarf");
        expect("remove the girl that's holding a kite", EditCategory.REMOVE, "girl");
        expect("make the men who're sitting on the bench wear hats", EditCategory.LOCAL, "men");
        expect("change the colours and style of the bicycle", EditCategory.LOCAL, "bicycle");
        expect("change the size, shape and colour of the vase to a tall blue jug", EditCategory.LOCAL, "vase");
        // a colour noun inside a described look stays in the look
        assertThat(plan("colour the skateboard with a lively green shade").targetCaption()).contains("shade");
    }

    @Test
    void moreBackdropSceneAndSelectionForms() {
        expect("put him in front of a green screen", EditCategory.BACKGROUND, "main subject");
        expect("show the watch against a dark background", EditCategory.BACKGROUND, "watch");
        expect("change the kitchen to a garden scene", EditCategory.BACKGROUND, "main subject");
        expect("change the scene to a busy harbour", EditCategory.BACKGROUND, "main subject");
        expect("change the scene to winter", EditCategory.GLOBAL, "");
        expect("choose the boy and make the background black", EditCategory.BACKGROUND, "boy");
        expect("keep the dog and blur the background", EditCategory.BACKGROUND, "dog");
    }

    @Test
    void theOtherSideIsAMoveAndAFactorBelowOneShrinks() {
        expect("move the lamp to the other side of the room", EditCategory.MOVE, "lamp");
        expect("move the dog to the opposite side", EditCategory.MOVE, "dog");
        assertThat(plan("make the cat 0.5 times smaller").motion().orElseThrow().scale()).isEqualTo(0.5);
        assertThat(plan("make the cat 4 times smaller").motion().orElseThrow().scale()).isEqualTo(0.25);
    }

    @Test
    void moreAfterANumeralAndAComparisonRightAfterTheNounAreCut() {
        expect("add two more chairs", EditCategory.ADDITION, "two chairs");
        expect("add a cat smaller than the dog", EditCategory.ADDITION, "cat");
    }

    @Test
    void anEditOfEverythingButOneObjectIsABackgroundEditKeepingIt() {
        expect("make everything except the puppy black and white", EditCategory.BACKGROUND, "puppy");
        expect("blur everything but the bride", EditCategory.BACKGROUND, "bride");
        expect("desaturate everything other than the tulip", EditCategory.BACKGROUND, "tulip");
        expect("make everything else but the boy dark", EditCategory.BACKGROUND, "boy");
        assertThat(plan("make everything except the puppy black and white").targetCaption()).contains("black and white");
        expect("colour pop the sunflower", EditCategory.BACKGROUND, "sunflower");
    }

    @Test
    void aLookGivenToTheBackgroundAndAPhotoSetInASeason() {
        expect("give the background a soft bokeh effect", EditCategory.BACKGROUND, "main subject");
        expect("set the photo in autumn", EditCategory.GLOBAL, "");
    }

    @Test
    void anObjectMadeToBeInAPlaceIsABackgroundEdit() {
        expect("change the children to be in a museum", EditCategory.BACKGROUND, "children");
        expect("change the horse to be on a beach", EditCategory.BACKGROUND, "horse");
        assertThat(plan("put the truck in front of a mountain").targetCaption()).isEqualTo("a mountain");
        // "to be" with a look is still a local edit
        expect("change the horse to be white", EditCategory.LOCAL, "horse");
    }

    @Test
    void quantifiersBeforeMoreAndEqualComparisonsAreCut() {
        expect("add lots more balloons", EditCategory.ADDITION, "balloons");
        expect("add a goat as big as the car", EditCategory.ADDITION, "goat");
    }

    @Test
    void theImageChangedToAPlaceIsABackgroundEditAndToALookGlobal() {
        expect("change to a harbour", EditCategory.BACKGROUND, "main subject");
        expect("turn the picture into a desert", EditCategory.BACKGROUND, "main subject");
        expect("change it to night", EditCategory.GLOBAL, "");
        expect("change to a black and white photo", EditCategory.GLOBAL, "");
        expect("make the photo background grey", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("create a cartoon version of the photo").targetCaption()).isEqualTo("cartoon version");
    }

    @Test
    void inFrontWrittenAsOneWordAndBackdropCaptions() {
        expect("put the kitten infront of a white wall", EditCategory.BACKGROUND, "kitten");
        assertThat(plan("pose the dog in front of a white background").targetCaption()).isEqualTo("a white background");
    }

    @Test
    void aMoveToAnObjectWhoseNameHoldsAPlaceWordIsStillAMove() {
        expect("move the cat to the kitchen table", EditCategory.MOVE, "cat");
        expect("move the cat to the kitchen", EditCategory.BACKGROUND, "cat");
        expect("put the puppy on a cushion in a living room", EditCategory.BACKGROUND, "puppy");
        assertThat(plan("make the bowl twice as small").motion().orElseThrow().scale()).isEqualTo(0.5);
    }
}
