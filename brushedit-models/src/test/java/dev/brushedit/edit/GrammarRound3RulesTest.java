package dev.brushedit.edit;

import static dev.brushedit.edit.GrammarRulesTest.expect;
import static dev.brushedit.edit.GrammarRulesTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One test per general grammar rule of issue 11's third round, each on sentences written for this test (none is a row of
 * the benchmark sets or of grammar-round3-instructions.tsv); the helpers are {@link GrammarRulesTest}'s.
 */
class GrammarRound3RulesTest {
    @Test
    void letXBeYChangesXAndDropsBe() {
        expect("let the lamp be bronze", EditCategory.LOCAL, "lamp");
        expect("have the jacket be made of denim", EditCategory.LOCAL, "jacket");
        expect("let the kettle be replaced by a teapot", EditCategory.LOCAL, "kettle");
        expect("let the bench be swapped for a hammock", EditCategory.LOCAL, "bench");
        expect("can the kettle be silver", EditCategory.LOCAL, "kettle");
        assertThat(plan("let the kettle be replaced by a teapot").targetCaption()).isEqualTo("a teapot");
        assertThat(plan("have the jacket be made of denim").targetCaption()).contains("denim");
    }

    @Test
    void letANewThingBeSomewhereAddsItAndLetAPlaceBeTheBackgroundIsABackgroundEdit() {
        expect("let a paper lantern be hung over the door", EditCategory.ADDITION, "paper lantern");
        expect("let a desert be the backdrop", EditCategory.BACKGROUND, "main subject");
        assertThat(plan("let a desert be the backdrop").targetCaption()).contains("desert");
    }

    @Test
    void existenceFormsAddOrRemove() {
        expect("there should be a kite in the sky", EditCategory.ADDITION, "kite");
        expect("there is a puddle on the road", EditCategory.ADDITION, "puddle");
        expect("it should be a lighthouse on the cliff", EditCategory.ADDITION, "lighthouse");
        expect("there should not be any cones on the road", EditCategory.REMOVE, "cones");
        // without an object and a place, "it should be" still names the whole image
        expect("it should be winter", EditCategory.GLOBAL, "");
    }

    @Test
    void aPronounPutSomewhereIsABackgroundEdit() {
        expect("could she be in a jungle", EditCategory.BACKGROUND, "main subject");
        expect("put them in a ballroom", EditCategory.BACKGROUND, "main subject");
        expect("move her to a concert", EditCategory.BACKGROUND, "main subject");
        // a pronoun moved in a direction is still a move
        expect("move her to the left", EditCategory.MOVE, "main subject");
        expect("move her dog to the left", EditCategory.MOVE, "dog");
    }

    @Test
    void aPlaceMadeAnotherPlaceIsABackgroundEdit() {
        expect("make the ground a lake instead of a meadow", EditCategory.BACKGROUND, "main subject");
        expect("turn the hill in a volcano", EditCategory.BACKGROUND, "main subject");
        expect("set the scene at a harbour", EditCategory.BACKGROUND, "main subject");
        expect("change the background behind the horse to a stable", EditCategory.BACKGROUND, "horse");
        expect("change the background of the photo to a stable", EditCategory.BACKGROUND, "main subject");
        expect("make the backdrop a city at night", EditCategory.BACKGROUND, "main subject");
        // an object doing something in a place is moved there
        expect("let the dog run in a park", EditCategory.BACKGROUND, "dog");
        expect("the puppy should be in a garden", EditCategory.BACKGROUND, "puppy");
        expect("display the couple at a festival", EditCategory.BACKGROUND, "couple");
        expect("take the horse to the meadow", EditCategory.BACKGROUND, "horse");
    }

    @Test
    void imageAdjustmentsNamedAsNounsAreGlobal() {
        expect("add soft lighting", EditCategory.GLOBAL, "");
        expect("add more saturation to make it pop", EditCategory.GLOBAL, "");
        expect("boost the photo brightness", EditCategory.GLOBAL, "");
        expect("increase the overall contrast", EditCategory.GLOBAL, "");
        expect("reduce the image exposure", EditCategory.GLOBAL, "");
        expect("make less contrast", EditCategory.GLOBAL, "");
        expect("add a light leak", EditCategory.GLOBAL, "");
        expect("make the scene moody and dark", EditCategory.GLOBAL, "");
        expect("turn the morning scene into an evening scene", EditCategory.GLOBAL, "");
        expect("the picture should look like a postcard", EditCategory.GLOBAL, "");
        // a lamp is an object, and the size of an object is a resize
        expect("add a light above the door", EditCategory.ADDITION, "light");
        expect("increase the size of the dog", EditCategory.RESIZE, "dog");
    }

    @Test
    void removingAFilterOrEffectIsGlobal() {
        expect("remove the vintage filter", EditCategory.GLOBAL, "");
        expect("take away the sepia effect", EditCategory.GLOBAL, "");
    }

    @Test
    void takingOrEditingAnObjectOutRemovesIt() {
        expect("crop the stranger out", EditCategory.REMOVE, "stranger");
        expect("edit the bins out of the picture", EditCategory.REMOVE, "bins");
        expect("take the laptop off the desk", EditCategory.REMOVE, "laptop");
        expect("take the keys out of the bowl", EditCategory.REMOVE, "keys");
        expect("get the mug off the shelf", EditCategory.REMOVE, "mug");
        // "make" is never read as a misspelt "take"
        expect("make the glass of milk a mug", EditCategory.LOCAL, "glass of milk");
    }

    @Test
    void theSunRisingOrSettingIsATimeOfDay() {
        expect("have the sun set", EditCategory.GLOBAL, "");
        assertThat(plan("have the sun set").targetCaption()).isEqualTo("sunset");
    }

    @Test
    void anAspectChangedWithoutAValueTargetsItsOwner() {
        expect("change the colour of the garden hose.", EditCategory.LOCAL, "garden hose");
        expect("change the shape of the coffee table", EditCategory.LOCAL, "coffee table");
        expect("make the colour of the car red", EditCategory.LOCAL, "car");
    }

    @Test
    void compoundNounsAndOfPhrasesStayWhole() {
        expect("The shoe rack should be white.", EditCategory.LOCAL, "shoe rack");
        expect("have a bowl of cherries beside the jug", EditCategory.ADDITION, "bowl of cherries");
        expect("let the man press the doorbell", EditCategory.LOCAL, "man");
        expect("have the boy kick the ball", EditCategory.LOCAL, "boy");
    }

    @Test
    void speechParticiplesAndQuantityNounsAreCut() {
        expect("add a poster saying Sale", EditCategory.ADDITION, "poster");
        expect("place a sign reading Exit on the door", EditCategory.ADDITION, "sign");
        expect("add a dog named Rex", EditCategory.ADDITION, "dog");
        expect("add a lot of lanterns", EditCategory.ADDITION, "lanterns");
        expect("add a couple of chairs to the patio", EditCategory.ADDITION, "chairs");
        // a collective "of" phrase stays
        expect("add a bunch of grapes", EditCategory.ADDITION, "bunch of grapes");
    }

    @Test
    void wishesAndQuestionLeadInsReadAsTheEditTheyAskFor() {
        expect("I want a parrot on the branch", EditCategory.ADDITION, "parrot");
        expect("I'd like the scarf red", EditCategory.LOCAL, "scarf");
        expect("is it possible to erase the sign?", EditCategory.REMOVE, "sign");
        expect("what about adding a kite?", EditCategory.ADDITION, "kite");
    }

    @Test
    void aSizeStatedAfterBeIsAResize() {
        expect("the lamp should be bigger", EditCategory.RESIZE, "lamp");
        expect("the dog needs to be smaller", EditCategory.RESIZE, "dog");
    }

    @Test
    void actionVerbsAfterALocationPhraseAndColoursBeforeLike() {
        expect("make the boy in the red shirt wave", EditCategory.LOCAL, "boy");
        expect("make the hills green and gold like spring", EditCategory.LOCAL, "hills");
        expect("make the fountain flow", EditCategory.LOCAL, "fountain");
        expect("let the horses graze in a meadow", EditCategory.BACKGROUND, "horses");
    }

    @Test
    void attributesBeforeAThingGivenWithoutAnArticleStay() {
        expect("give the girl pink ribbons", EditCategory.ADDITION, "pink ribbons");
        expect("give the man a hat", EditCategory.ADDITION, "hat");
    }

    @Test
    void aPhraseWhoseHeadIsTheBackgroundIsABackgroundEdit() {
        expect("make the grass background green", EditCategory.BACKGROUND, "main subject");
    }

    @Test
    void aSeasonalSceneMadeAnotherSeasonIsGlobalAndAPlainSceneSwapIsBackground() {
        expect("turn the autumn forest into a spring forest", EditCategory.GLOBAL, "");
        expect("turn the forest into a beach", EditCategory.BACKGROUND, "main subject");
    }

    @Test
    void aTwoWordAspectOfAnObjectTargetsTheObject() {
        expect("change the fur colour of the cat to grey", EditCategory.LOCAL, "cat");
    }

    @Test
    void warmthAndShadowsOfTheImageAreGlobal() {
        expect("increase the warmth of the photo", EditCategory.GLOBAL, "");
        expect("make the shadows deeper", EditCategory.GLOBAL, "");
    }

    @Test
    void aMaterialNounBeforeAnAttributeHeadsACompound() {
        expect("make the beer glass empty", EditCategory.LOCAL, "beer glass");
        expect("make the water crystal clear", EditCategory.LOCAL, "water");
        expect("make the vase glass", EditCategory.LOCAL, "vase");
    }

    @Test
    void aSkyObjectReplacedIsAnObjectAndMovingThroughAPlaceIsABackgroundEdit() {
        expect("replace the moon with a planet", EditCategory.LOCAL, "moon");
        expect("turn the city into a jungle", EditCategory.BACKGROUND, "main subject");
        expect("let the bus drive across a bridge", EditCategory.LOCAL, "bus");
        expect("let the truck drive through a canyon", EditCategory.BACKGROUND, "truck");
    }

    @Test
    void turnOrSwitchOnOrOffIsALocalEditOfTheObject() {
        expect("turn on the porch lights", EditCategory.LOCAL, "porch lights");
        expect("switch off the desk lamp", EditCategory.LOCAL, "desk lamp");
    }

    @Test
    void aChangeWithoutAValueOfAnObjectSomewhereIsLocalAndADaytimeSkyMadeNightIsGlobal() {
        expect("change the writing on the mug", EditCategory.LOCAL, "writing");
        expect("modify the vase on the shelf", EditCategory.LOCAL, "vase");
        expect("turn the evening sky into a sunny morning", EditCategory.GLOBAL, "");
        // a season word on a garment is not a season
        expect("turn the summer dress into a winter coat", EditCategory.LOCAL, "summer dress");
    }
}
