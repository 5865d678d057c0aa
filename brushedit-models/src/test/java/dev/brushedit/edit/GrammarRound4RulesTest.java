package dev.brushedit.edit;

import static dev.brushedit.edit.GrammarRulesTest.expect;
import static dev.brushedit.edit.GrammarRulesTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.edit.structure.ObjectMotion;
import org.junit.jupiter.api.Test;

/**
 * One test per general grammar rule of issue 11's fourth round, each on sentences written for this test (none is a row of
 * any benchmark set); the helpers are {@link GrammarRulesTest}'s.
 */
class GrammarRound4RulesTest {
    @Test
    void aMoveToAPositionRelativeToAnotherObjectIsAMoveOfTheObject() {
        expect("move the lamp beneath the shelf", EditCategory.MOVE, "lamp");
        expect("move the red cone to the right of the blue sphere", EditCategory.MOVE, "red cone");
        expect("slide the mug next to the laptop", EditCategory.MOVE, "mug");
        expect("move the vase on top of the piano", EditCategory.MOVE, "vase");
        expect("drag the stool behind the counter", EditCategory.MOVE, "stool");
        expect("move the plate in front of the kettle", EditCategory.MOVE, "plate");
        expect("shift the position of the toy robot below the wooden box", EditCategory.MOVE, "toy robot");
        assertThat(plan("move the lamp beneath the shelf").motion()).contains(ObjectMotion.toward(0, 1));
        assertThat(plan("move the red cone to the left of the blue sphere").motion()).contains(ObjectMotion.toward(-1, 0));
        // a place is not an object to move next to: still the other rules
        assertThat(plan("move the table to the kitchen").category()).isEqualTo(EditCategory.BACKGROUND);
        assertThat(plan("move the dog in the park").category()).isNotEqualTo(EditCategory.MOVE);
    }

    @Test
    void putXFurtherInADirectionMovesIt() {
        expect("put the green lamp further left", EditCategory.MOVE, "green lamp");
        expect("place the chair farther down", EditCategory.MOVE, "chair");
        assertThat(plan("put the green lamp further left").motion()).contains(ObjectMotion.toward(-1, 0));
        // without "further" a put is still an addition
        expect("put a lamp on the left", EditCategory.ADDITION, "lamp");
    }

    @Test
    void makeOrTurnXWithAPlainSizeAdjectiveResizesIt() {
        expect("make the teapot tiny", EditCategory.RESIZE, "teapot");
        expect("turn the red boots large", EditCategory.RESIZE, "red boots");
        expect("make the clock very big", EditCategory.RESIZE, "clock");
        assertThat(plan("make the teapot tiny").motion().orElseThrow().scale()).isLessThan(1);
        assertThat(plan("make the clock very big").motion().orElseThrow().scale()).isEqualTo(2.0);
        // a size adjective inside a description is not a resize
        expect("make the dog wear a big hat", EditCategory.LOCAL, "dog");
    }

    @Test
    void anObjectThatTurnsChangesOrGetsSomethingIsALocalEditOfIt() {
        expect("the small green cube turns gold", EditCategory.LOCAL, "small green cube");
        expect("the wooden chair changes to white", EditCategory.LOCAL, "wooden chair");
        expect("the red mug now gets a glossy finish", EditCategory.LOCAL, "red mug");
        expect("the leaves become orange", EditCategory.LOCAL, "leaves");
        assertThat(plan("the small green cube turns gold").targetCaption()).contains("gold");
        expect("the background turns into a snowy forest", EditCategory.BACKGROUND, "main subject");
    }

    @Test
    void anObjectThatDisappearsOrIsNoLongerThereIsRemoved() {
        expect("the blue sphere next to the cube is now no longer there", EditCategory.REMOVE, "blue sphere");
        expect("the lamp post disappears", EditCategory.REMOVE, "lamp post");
        expect("the parked bicycles are gone now", EditCategory.REMOVE, "parked bicycles");
        expect("make all the traffic cones disappear", EditCategory.REMOVE, "traffic cones");
        expect("let the pigeons vanish", EditCategory.REMOVE, "pigeons");
        expect("have the trash bag go away", EditCategory.REMOVE, "trash bag");
    }

    @Test
    void clauseParticiplesAndDegreeAdverbsAreCutFromTheTarget() {
        expect("remove the old woman holding an umbrella", EditCategory.REMOVE, "old woman");
        expect("add a girl sitting cross-legged on the rug", EditCategory.ADDITION, "girl");
        expect("carve the bear using marble", EditCategory.LOCAL, "bear");
        expect("make the table completely out of ice", EditCategory.LOCAL, "table");
        // a participle before the noun stays
        expect("remove the sitting dog", EditCategory.REMOVE, "sitting dog");
    }

    @Test
    void anAspectOwnedByAnObjectTargetsTheOwner() {
        expect("upgrade the ring's material to platinum", EditCategory.LOCAL, "ring");
        expect("change the dancer's movements to a spin", EditCategory.LOCAL, "dancer");
        expect("alter the cat's expressions to surprise", EditCategory.LOCAL, "cat");
    }

    @Test
    void aClauseOfWhatToKeepIsCutAndAKeptObjectIsTheForegroundOfABackgroundEdit() {
        expect("change the background to a harbour while keeping the girl unchanged", EditCategory.BACKGROUND, "girl");
        expect("replace the backdrop with a library whilst preserving the two dogs", EditCategory.BACKGROUND, "two dogs");
        expect("remove the wires while maintaining a natural look", EditCategory.REMOVE, "wires");
        expect("keep the sofa but replace the lamp with a candle", EditCategory.LOCAL, "lamp");
        expect("leave the boy as it is but remove the kite", EditCategory.REMOVE, "kite");
    }

    @Test
    void aNewVersionOfTheImageOrARestyledImageIsGlobal() {
        expect("create a sepia-toned version", EditCategory.GLOBAL, "");
        expect("generate a noir-style picture", EditCategory.GLOBAL, "");
        expect("redo this photo in a pixel-art style", EditCategory.GLOBAL, "");
        expect("render with a chalk drawing texture", EditCategory.GLOBAL, "");
        expect("emulate the look of an old polaroid", EditCategory.GLOBAL, "");
        assertThat(plan("create a sepia-toned version").targetCaption()).isEqualTo("sepia-toned");
        // a place after "in" is not a style
        expect("set the scene in Rome", EditCategory.BACKGROUND, "main subject");
    }

    @Test
    void theImagesColoursOrTonesCorrectedAreGlobal() {
        expect("invert the colours of the photo", EditCategory.GLOBAL, "");
        expect("correct the white balance", EditCategory.GLOBAL, "");
        expect("adjust the tones", EditCategory.GLOBAL, "");
        // an object's colours are still its own
        expect("adjust the colours of the jacket", EditCategory.LOCAL, "jacket");
    }

    @Test
    void theImageChangedToABackgroundOrSetInAPlaceIsABackgroundEdit() {
        expect("change to a stormy background", EditCategory.BACKGROUND, "main subject");
        expect("turn this picture to a pink backdrop", EditCategory.BACKGROUND, "main subject");
        expect("alter this image to be set in a jungle", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("alter this image to be set in a jungle").targetCaption()).contains("jungle");
        assertThat(plan("change to a stormy background").targetCaption()).contains("stormy");
    }

    @Test
    void aDescriptionSentenceBeforeTheRequestIsSkipped() {
        expect("This is a wedding photo; please remove the guest on the left.", EditCategory.REMOVE, "guest");
        expect("My picture is too dark — could you brighten the whole image", EditCategory.GLOBAL, "");
        expect("This is my cat. Make its fur orange.", EditCategory.LOCAL, "fur");
        // a request first keeps the instruction whole
        expect("Replace the cup with a glass. It is on the table.", EditCategory.LOCAL, "cup");
    }

    @Test
    void aMentionOfTheImageBetweenObjectAndValueIsDropped() {
        expect("turn the clouds in the photo into cotton candy", EditCategory.LOCAL, "clouds");
        expect("change the sign in this picture to a stop sign", EditCategory.LOCAL, "sign");
    }

    @Test
    void aDegreeWordBeforeTheValueBelongsToTheValue() {
        expect("make the colours more saturated", EditCategory.GLOBAL, "");
        expect("make the lamp more golden", EditCategory.LOCAL, "lamp");
        assertThat(plan("make the lamp more golden").targetCaption()).contains("more golden");
    }

    @Test
    void upOrDownAfterAPostureVerbIsAnActionNotASize() {
        expect("make the horse lie down", EditCategory.LOCAL, "horse");
        expect("let the toddler stand up", EditCategory.LOCAL, "toddler");
        expect("make the horse smaller", EditCategory.RESIZE, "horse");
    }

    @Test
    void movingAnOwnedBodyPartIsAPoseChangeNotAMoveOrAnAddition() {
        assertThat(plan("lift the boy's right leg").category()).isEqualTo(EditCategory.LOCAL);
        assertThat(plan("move the girl's hand to her cheek").category()).isEqualTo(EditCategory.LOCAL);
        assertThat(plan("lower her head").category()).isEqualTo(EditCategory.LOCAL);
        // an object without an owner still moves
        expect("raise the kite", EditCategory.MOVE, "kite");
    }

    @Test
    void aColourToneOfTheImageIsGlobal() {
        expect("make the overall colour tone of the photo green", EditCategory.GLOBAL, "");
        expect("change the color tone of the picture to cold", EditCategory.GLOBAL, "");
    }

    @Test
    void anObjectAsSubjectThatGrowsShrinksOrMovesIsAResizeOrAMove() {
        expect("the green cone becomes smaller", EditCategory.RESIZE, "green cone");
        expect("the oak tree grows", EditCategory.RESIZE, "oak tree");
        expect("the red block is now tiny", EditCategory.RESIZE, "red block");
        expect("the yellow ball moves to the right", EditCategory.MOVE, "yellow ball");
        assertThat(plan("the green cone becomes smaller").motion().orElseThrow().scale()).isLessThan(1);
        // a colour is still a local edit
        expect("the green cone becomes blue", EditCategory.LOCAL, "green cone");
    }

    @Test
    void puttingAnExistingObjectNextToAnotherOrCloserToItIsAMove() {
        expect("put the teacup under the lamp", EditCategory.MOVE, "teacup");
        expect("place the red box to the left of the chair", EditCategory.MOVE, "red box");
        expect("put the lantern behind the tent", EditCategory.MOVE, "lantern");
        expect("move the stool closer to the bar", EditCategory.MOVE, "stool");
        expect("slide the vase away from the edge", EditCategory.MOVE, "vase");
        // a new object, an object set on a surface, or an object put in a place, is not a move
        expect("set the kettle on the stove", EditCategory.ADDITION, "kettle");
        expect("put a teacup under the lamp", EditCategory.ADDITION, "teacup");
        expect("put the dog on a beach", EditCategory.BACKGROUND, "dog");
    }

    @Test
    void aTrailingKeepClauseIsCut() {
        expect("remove the kite, keep everything else the same", EditCategory.REMOVE, "kite");
        expect("change the background to a desert and keep the camel", EditCategory.BACKGROUND, "camel");
    }

    @Test
    void anObjectRenderedInAMaterialIsALocalEdit() {
        expect("render the bowl in marble", EditCategory.LOCAL, "bowl");
        expect("sculpt the owl from glass", EditCategory.LOCAL, "owl");
        expect("mould the fox in porcelain", EditCategory.LOCAL, "fox");
    }

    @Test
    void theWholeImageSetInAPlaceKeepsTheForeground() {
        expect("set this picture in a misty valley", EditCategory.BACKGROUND, "main subject");
    }

    @Test
    void herAloneBeforeTheValueIsAPerson() {
        expect("make her wave", EditCategory.LOCAL, "person");
        expect("make her blonde", EditCategory.LOCAL, "person");
    }
}
