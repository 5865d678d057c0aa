package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import java.util.Optional;

/**
 * A rule-based {@link Instructor} for English that needs no network and no model: the default of
 * {@link InstructionEditor}. It understands
 * <ul>
 *   <li>REMOVE: "remove / delete / erase / eliminate / get rid of / take out X" (also "remove the
 *       background": a BACKGROUND edit to a plain background);</li>
 *   <li>ADDITION: "add / insert / put / place / draw X [location]", "give X a Y";</li>
 *   <li>LOCAL: "replace X with Y", "change / turn / swap / transform X into / to / with Y",
 *       "make / paint / colour X ATTRIBUTE", "change the colour of X to Y", "X should be Y";</li>
 *   <li>BACKGROUND: "change / replace / set the background to / with Y", "make the background Y",
 *       "put the dog on a beach";</li>
 *   <li>MOVE: "move / shift / slide / drag / nudge X [N pixels | N%] left / right / up / down",
 *       "raise / lower X" (see {@link dev.brushedit.edit.structure.ObjectMotion}: without a
 *       distance the object moves a quarter of the image, stopping at the edge); without a
 *       direction ("shift the man") it moves sideways toward the side with more room;</li>
 *   <li>RESIZE: "make X bigger / smaller / twice as big / half the size / N% bigger", "enlarge /
 *       shrink / scale X [by N | by N% | to N%]", "zoom in / out (on) X", "scale up / down X",
 *       "double / halve / increase the size of X" (without a number: 1.5 times, 1.2 for
 *       "slightly", 2 for "much", or the inverse for smaller);</li>
 *   <li>GLOBAL: "make it winter", "turn the photo into a watercolor painting", "change the season /
 *       style / time of day / weather to Y", "apply a vintage filter", or a bare style, season or
 *       time-of-day phrase.</li>
 * </ul>
 * General rules on top of these: "add a ... background" is a BACKGROUND edit; "add / create / apply
 * a ... style, effect or filter" is GLOBAL wherever it is applied ("add a vintage filter to the
 * dog"); one place turned into another ("turn the kitchen into a meadow", "change the harbour to a
 * city at night") is BACKGROUND; a verb the grammar does not know, followed by an object ("polish
 * the kettle"), is a LOCAL edit of that object; "change X's colour / pose / movement (from A) to B"
 * and "change the pose of X to B" target X. Sentence forms beyond "VERB object": "instead of X, put
 * Y"; "ensure there is no X" (REMOVE); "X is Y", "X should V Y", "X needs to be removed"; "do A by
 * adding X" (the gerund is the edit); "let a dog join ..." (ADDITION); an unknown verb with a new
 * object ("embed two trees", ADDITION), on the background (BACKGROUND), on an aspect of the image
 * ("enhance the brightness", GLOBAL) or taking an object "from the image" (REMOVE); a colour aspect
 * given or applied to an object ("give the banana a green tint") is LOCAL; an aspect made "to" or
 * "like" a value ("make the material of the rabbit to paper") targets its owner; a predicate of
 * state after the object ("the tree full of cherries", "the building covered in scaffolding") is
 * cut from the target; a whole-image aspect made or set to a value ("make the time to midnight",
 * "set the season to spring") is GLOBAL; a causative with a bodily action ("let the man hold an
 * umbrella") targets the object before the verb; "what if X were Y" and "can we have X" read as
 * the edit they ask for. Forms built on "be" and wishes (see {@link BeForms}): "let / have / can X be Y"
 * changes X ("let the bed be wooden", "let the car be replaced by a bus"); "there should be X", "it
 * should be a X on Y", "let a lamp be hung on the wall", "I want a dog in the yard" add X; "there
 * should not be X" and "photoshop / crop X out", "take X out / off the Y" remove X; "let a forest be
 * the background" and a person pronoun put or be somewhere ("put him in a cocktail party", "could
 * she be in a jungle") are BACKGROUND edits, as are a place made another place ("make the ground a
 * forest (instead of a slope)", "turn the hill in a volcano") and an object doing something in a
 * place ("let the dog run in a park"); a seasonal scene made another season is GLOBAL. Image-wide
 * adjustments named as nouns ("add dramatic lighting", "increase the image contrast", "make more
 * brightness") and a filter or effect removed ("take away the brown filter") are GLOBAL; "the sun
 * rises / sets" is a time of day; "X should be larger" is a RESIZE; "get X off the Y" removes X; "turn
 * on X" and "change the text on the shirt" (no value given) are LOCAL edits of X. Targets keep compound nouns and
 * "of" phrases ("trash can", "glass of soda", "the coat colour of X" -> X) and drop quantity nouns
 * ("a lot of", "a couple of") and speech participles ("a sign saying Stop" -> "sign"). Fourth-round forms: a move
 * verb with a position relative to another object ("move the cup under the table", "move the ball to the left of
 * the cube") is a MOVE of the object, as is "put X further right"; "make / turn X small / big" is a RESIZE; an
 * object as subject that turns, changes to or gets a value is LOCAL, one that disappears or "is no longer there"
 * (and "make X disappear") a REMOVE (see {@link StativeForms}); a new version of the image ("create a noir
 * version"), a restyle "in / with" a look, a simulated look and corrected colours are GLOBAL, the image changed "to
 * a white background" or "to be set in" a place is BACKGROUND (see {@link WholeImageForms}); "while keeping X" and
 * "keep X but ..." clauses are cut, a kept object being a BACKGROUND edit's foreground ({@link KeptClauses}); a
 * description sentence before the request ("This is an ID photo - please ...") is skipped ({@link
 * RequestSentence}); targets are cut at clause participles ("wearing", "using") and degree adverbs ("entirely"). Fifth-round
 * forms: an object already in the image put before a new backdrop ("put the vase against a grey background", "in front
 * of a white wall", see {@link Backdrops}), a pronoun taken or moved to a place ("move it to Mars"), a scene changed to a
 * scene word ("to a bar setting", "so it is a living room"), the colour of the background, "select / keep X and EDIT",
 * a colour pop of X and an edit of "everything except X" ({@link ExceptForms}) are BACKGROUND edits keeping X; a look
 * given to the natural / original image and "-ify" verbs on it ("cartoonify the image") are GLOBAL, the image changed to a
 * place ("change to a beach") and an object changed "to be in" a place are BACKGROUND; "move X towards Y"
 * and "to the other side" are MOVEs; "N times larger (but keep ...)" is a RESIZE; targets drop "more" ("add more
 * ducks"), comparisons after the noun ("a puppy far smaller than ..."), a colour noun after a colour ("purple colour"),
 * contracted relatives ("that's") and parenthesised annotations ("the bus (bus)"), and joined aspects ("the colours and
 * style of X") target X.
 *
 * <p>Courtesy phrases ("please", "could you", "thanks") are dropped; location phrases ("in the
 * corner"), relative clauses ("that sits") and participle clauses ("parked outside", "wearing a
 * hat") are cut from the target object, as are prepositions misspelt by one letter before an
 * object phrase ("besides the"), while numerals stay ("two boats"); verbs are matched
 * through misspellings (edit distance 1 for words of up to 5 letters, 2 beyond), except verbs of
 * three letters or fewer ("set", "add"), which are matched exactly so that "let" never becomes
 * "set".
 *
 * <p>Target captions: the new content for LOCAL, BACKGROUND and GLOBAL edits ("red car", "a beach",
 * "winter"), the added object for ADDITION ("a red hat"), {@code "empty background"} for REMOVE
 * (the editor also puts the removed object in the negative prompt). For BACKGROUND edits the target
 * object is the foreground to keep: the named subject, or {@link Builder#foreground(String)}
 * (default {@code "main subject"}).
 *
 * <p>The instructor cannot see the image, so an ADDITION box is a default placement: a box of
 * {@link Builder#additionSize(double)} (default 0.4) of the image's width and height, centred, moved
 * to a quarter or three quarters of the width or height by "left", "right", "top", "bottom", "sky",
 * "ground"... ("in the corner" alone means the bottom). Correct it through {@link EditPlan#withBox}.
 *
 * <p>Instructions not in English are rejected: any non-Latin letter, or two or more common Spanish,
 * French, German, Italian or Portuguese words outnumbering English ones. Use an instructor backed by
 * a language model (OpenAiInstructor) for those.
 *
 * <p>Thread-safety: immutable, safe for concurrent use.
 */
public final class OfflineInstructor implements Instructor {
    private final double additionSize;
    private final String foreground;

    private OfflineInstructor(Builder b) {
        this.additionSize = b.additionSize;
        this.foreground = b.foreground;
    }

    /** An instructor with the defaults. */
    public static OfflineInstructor create() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plans the edit.
     *
     * @throws dev.brushedit.core.InvalidInputException for an empty instruction, one not in English
     *     or one the grammar does not cover (the message gives examples that it does)
     */
    @Override
    public EditPlan plan(RgbImage image, String instruction) {
        Checks.notNull("image", image);
        Checks.notBlank("instruction", instruction);
        LanguageGuard.check(instruction, InstructionGrammar.words(instruction));
        String request = RequestSentence.request(InstructionGrammar.dropAnnotations(instruction));   // "... - please replace ..."
        List<String> words = InstructionGrammar.words(request);
        List<String> motionWords = InstructionGrammar.stripCourtesy(MotionGrammar.words(request));
        KeptClauses.Split kept = KeptClauses.split(motionWords);   // "make the cup larger but keep the bowl's size"
        Optional<MotionGrammar.Parsed> motion = MotionGrammar.parse(kept != null ? kept.edit() : motionWords,
                request.contains("%"), image.width(), image.height(), foreground);
        if (motion.isPresent()) {
            MotionGrammar.Parsed m = motion.get();
            return new EditPlan(m.category(), m.target(), m.caption(), Optional.empty(), instruction.strip(),
                    Optional.of(m.motion()));
        }
        InstructionGrammar.Parsed p = InstructionGrammar.parse(words, request, foreground);
        Optional<Box> box = p.category() == EditCategory.ADDITION
                ? Optional.of(AdditionPlacement.place(image.width(), image.height(), additionSize, p.where()))
                : Optional.empty();
        return new EditPlan(p.category(), p.target(), p.caption(), box, instruction.strip());
    }

    /**
     * Builds {@link OfflineInstructor}s; setters validate their arguments.
     *
     * <p>Thread-safety: not thread-safe.
     */
    public static final class Builder {
        private double additionSize = 0.4;
        private String foreground = "main subject";

        private Builder() {}

        /** Side of the default ADDITION box as a fraction of the image's width and height, 0.05 to 1 (default 0.4). */
        public Builder additionSize(double fraction) {
            this.additionSize = Checks.inRange("additionSize", fraction, 0.05, 1.0);
            return this;
        }

        /** The foreground kept by BACKGROUND edits that name no subject (default {@code "main subject"}). */
        public Builder foreground(String foreground) {
            this.foreground = Checks.notBlank("foreground", foreground).strip();
            return this;
        }

        /** The instructor. */
        public OfflineInstructor build() {
            return new OfflineInstructor(this);
        }
    }
}
