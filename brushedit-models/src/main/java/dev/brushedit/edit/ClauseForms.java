package dev.brushedit.edit;

import static dev.brushedit.edit.InstructionGrammar.join;
import static dev.brushedit.edit.InstructionGrammar.objectPhrase;
import static dev.brushedit.edit.InstructionGrammar.stripDeterminers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence forms of the offline grammar beyond "VERB object ...": "instead of X, put Y", "ensure
 * there is no X", "do A by adding X", "let a dog join ...", statements such as "X is Y" or "X should
 * adopt Y", and an unknown verb applied to an object ("polish the kettle", "embed two trees into the
 * image", "banish the kite from the image", "reimagine the background with ..."). Each is a general
 * rule over word classes, not a list of sentences. Thread-safety: stateless.
 */
final class ClauseForms {
    private static final Set<String> LEAD_INS = Set.of("ensure", "make sure", "be sure", "make certain", "what if",
            "imagine if", "imagine that", "suppose", "as if", "as though");
    private static final Set<String> INDEFINITE = Set.of("a", "an", "some");
    private static final Set<String> CAUSATIVES = Set.of("let", "have", "make");
    private static final Set<String> CHOICES = Set.of("choose", "opt", "pick", "select", "use", "go");
    private static final Set<String> REMOVED = Set.of("gone", "absent", "missing", "removed", "deleted", "erased");
    private static final Set<String> NUMERALS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "dozen", "several");

    /** Materials beyond {@link Vocabulary#MATERIAL_NOUNS} that an object may be made "in" or "from". */
    private static final Set<String> MATERIALS = Set.of("porcelain", "ceramic", "clay", "gold", "silver", "bronze",
            "copper", "jade", "crystal", "wax", "paper", "ice", "velvet", "silk", "wool", "denim", "concrete", "brick",
            "bricks", "bamboo", "rubber", "chocolate", "lego", "origami", "cardboard", "felt", "knit", "yarn");

    private ClauseForms() {}

    /** The forms tried before the verb: null when none applies. */
    static InstructionGrammar.Parsed parse(List<String> w, String instruction, String foreground) {
        if (w.size() > 3 && Set.of("let", "have").contains(w.get(0)) && w.get(1).equals("there") && w.get(2).equals("be")) {
            List<String> added = new ArrayList<>();   // "let there be a rainbow in the sky": an addition
            added.add("add");
            added.addAll(w.subList(3, w.size()));
            return InstructionGrammar.parse(added, instruction, foreground);
        }
        InstructionGrammar.Parsed stative = StativeForms.parse(w, instruction, foreground);
        if (stative != null) {
            return stative;
        }
        InstructionGrammar.Parsed whole = WholeImageForms.parse(w, instruction, foreground);
        if (whole != null) {
            return whole;
        }
        InstructionGrammar.Parsed be = BeForms.parse(w, instruction, foreground);
        if (be != null) {
            return be;
        }
        List<String> s = stripLeadIn(w);
        InstructionGrammar.Parsed p = negatedExistence(s);
        if (p == null && s.size() < w.size()) {
            p = copula(s, instruction, foreground);
        }
        if (p == null) {
            p = insteadOf(w);
        }
        if (p == null) {
            p = byGerund(w, instruction, foreground);
        }
        if (p == null) {
            p = causativeAddition(w);
        }
        if (p == null) {
            p = choice(w);
        }
        return p;
    }

    /**
     * "choose green for the chair's colour", "opt for a blue shade for the cake", "use marble for
     * the table": a choice verb, the new look, then "for" and the object (or an aspect of it): LOCAL;
     * GLOBAL when "for" names the image ("use a vintage filter for the photo").
     */
    private static InstructionGrammar.Parsed choice(List<String> w) {
        if (w.size() < 4 || !CHOICES.contains(w.get(0))) {
            return null;
        }
        int start = w.get(1).equals("for") || w.get(1).equals("with") ? 2 : 1;
        int fo = w.subList(start, w.size()).indexOf("for");
        if (fo < 1 || start + fo >= w.size() - 1) {
            return null;
        }
        List<String> look = w.subList(start, start + fo);
        List<String> x = w.subList(start + fo + 1, w.size());
        if (InstructionGrammar.wholeImagePrefix(x) == x.size() || InstructionGrammar.isWholeImageAspect(x)) {
            return new InstructionGrammar.Parsed(EditCategory.GLOBAL, "", join(InstructionGrammar.stripThe(look)), List.of());
        }
        String owner = InstructionGrammar.aspectOwner(x, false);
        String target = owner != null ? owner : objectPhrase(x);
        if (target.isEmpty()) {
            return null;
        }
        return new InstructionGrammar.Parsed(EditCategory.LOCAL, target, join(InstructionGrammar.stripThe(look)) + " " + target,
                List.of());
    }

    private static final Set<String> SELECT = Set.of("select", "isolate", "segment", "detect", "find", "locate", "identify",
            "mask", "choose", "pick");

    /**
     * "select the red bus and blur the background", "find the cat and make it black": a selection verb, the object,
     * then "and" and the edit. The edit is read alone, with a pronoun object ("it", "them") standing for the selected
     * one; a BACKGROUND edit keeps the selected object as its foreground. Null for any other sentence.
     */
    static InstructionGrammar.Parsed selected(List<String> w, String instruction, String foreground) {
        if (w.size() < 5 || !SELECT.contains(w.get(0)) || !InstructionGrammar.OBJECT_STARTERS.contains(w.get(1))) {
            return null;
        }
        int and = w.indexOf("and");
        if (and < 3 || and > w.size() - 2) {
            return null;
        }
        List<String> object = w.subList(1, and);
        String target = objectPhrase(object);
        if (target.isEmpty()) {
            return null;
        }
        List<String> edit = new ArrayList<>();
        for (String word : w.subList(and + 1, w.size())) {
            if (Set.of("it", "them").contains(word) && !edit.isEmpty()) {
                edit.addAll(object);   // "and make IT black": the selected object
            } else {
                edit.add(word);
            }
        }
        InstructionGrammar.Parsed p = InstructionGrammar.parse(edit, instruction, foreground);
        return p.category() == EditCategory.BACKGROUND && p.target().equals(foreground)
                ? new InstructionGrammar.Parsed(p.category(), target, p.caption(), p.where()) : p;
    }

    private static final Set<String> POPS = Set.of("pop", "splash", "accent");

    /**
     * "create a colour pop of the man", "apply a color splash to the red car": the object kept in colour while the
     * rest of the image turns grey. Only the outside of the object changes, so it is a BACKGROUND edit whose
     * foreground is the object. Null for any other sentence.
     */
    static InstructionGrammar.Parsed colourPop(List<String> w, String foreground) {
        for (int i = 0; i + 3 < w.size(); i++) {
            boolean verb = i == 0 && InstructionGrammar.OBJECT_STARTERS.contains(w.get(2));   // "colour pop the flower"
            if (Set.of("color", "colour").contains(w.get(i)) && POPS.contains(w.get(i + 1))
                    && (verb || Set.of("of", "on", "to", "for").contains(w.get(i + 2)))) {
                List<String> object = w.subList(verb ? 2 : i + 3, w.size());
                String target = InstructionGrammar.wholeImagePrefix(object) == object.size() ? foreground : objectPhrase(object);
                return target.isEmpty() ? null : new InstructionGrammar.Parsed(EditCategory.BACKGROUND, target,
                        "black and white background", List.of());
            }
        }
        return null;
    }

    /** "ensure (that) ...", "make sure ..." -> "...". */
    private static List<String> stripLeadIn(List<String> w) {
        for (String lead : LEAD_INS) {
            List<String> lw = List.of(lead.split(" "));
            if (w.size() > lw.size() + 1 && w.subList(0, lw.size()).equals(lw)) {
                int i = lw.size();
                return w.get(i).equals("that") ? w.subList(i + 1, w.size()) : w.subList(i, w.size());
            }
        }
        return w;
    }

    /** "there is / are / should be no X", "there's no X": REMOVE X. */
    private static InstructionGrammar.Parsed negatedExistence(List<String> w) {
        if (w.isEmpty() || !(w.get(0).equals("there") || w.get(0).equals("there's"))) {
            return null;
        }
        int no = w.indexOf("no");
        if (no < 1 || no > 3 || no == w.size() - 1) {
            return null;
        }
        for (String between : w.subList(1, no)) {
            if (!Set.of("is", "are", "should", "must", "be", "will").contains(between)) {
                return null;
            }
        }
        String target = objectPhrase(w.subList(no + 1, w.size()));
        return target.isEmpty() ? null : new InstructionGrammar.Parsed(EditCategory.REMOVE, target,
                InstructionGrammar.REMOVE_CAPTION, List.of());
    }

    /** "instead of X, put / add / use Y": LOCAL X -> Y. */
    private static InstructionGrammar.Parsed insteadOf(List<String> w) {
        if (w.size() < 5 || !w.get(0).equals("instead") || !w.get(1).equals("of")) {
            return null;
        }
        for (int k = 3; k < w.size() - 1; k++) {
            String verb = VerbLexicon.canonical(w.get(k));
            if (verb != null && VerbLexicon.action(verb) != VerbLexicon.Action.REMOVE || w.get(k).equals("use")) {
                String target = objectPhrase(w.subList(2, k));
                return target.isEmpty() ? null : new InstructionGrammar.Parsed(EditCategory.LOCAL, target,
                        join(InstructionGrammar.stripThe(w.subList(k + 1, w.size()))), List.of());
            }
        }
        return null;
    }

    /** "enliven the image by adding a horse": the gerund after "by" is the edit. */
    private static InstructionGrammar.Parsed byGerund(List<String> w, String instruction, String foreground) {
        for (int i = 1; i < w.size() - 2; i++) {
            String g = w.get(i + 1);
            if (w.get(i).equals("by") && g.endsWith("ing")) {
                String verb = VerbLexicon.canonical(g);
                if (verb != null) {
                    List<String> rest = new ArrayList<>();
                    rest.add(verb);
                    rest.addAll(w.subList(i + 2, w.size()));
                    return InstructionGrammar.parse(rest, instruction, foreground);
                }
            }
        }
        return null;
    }

    /** "let a dog join the picture", "have two birds sit on the fence": an ADDITION of the new object. */
    private static InstructionGrammar.Parsed causativeAddition(List<String> w) {
        if (w.size() < 4 || !CAUSATIVES.contains(w.get(0)) || !isIndefinite(w.get(1))) {
            return null;
        }
        int verb = w.size() - 1;
        for (int k = 3; k < w.size() - 1; k++) {
            if (w.get(k - 1).equals("of")) {
                continue;   // "have a glass of SODA next to ...": the noun of an "of" phrase, not a verb
            }
            if (w.get(k).equals("be") || Vocabulary.DETERMINERS.contains(w.get(k + 1))
                    || Vocabulary.LOCATION_WORDS.contains(w.get(k + 1))) {
                verb = k;
                break;
            }
        }
        List<String> noun = w.subList(1, verb);
        List<String> bare = stripDeterminers(noun);
        if (bare.isEmpty()) {
            return null;
        }
        return new InstructionGrammar.Parsed(EditCategory.ADDITION, InstructionGrammar.cutClauses(bare), join(noun),
                List.copyOf(w.subList(verb, w.size())));
    }

    /**
     * Statements: "X is / are Y" (LOCAL X, or REMOVE X when Y is "removed" or "gone") and "X should
     * / must / shall V Y" (LOCAL X, or REMOVE X when V is a removal verb). Null when the subject is
     * not an object phrase.
     */
    static InstructionGrammar.Parsed copula(List<String> w, String instruction, String foreground) {
        for (int i = 1; i < w.size() - 1; i++) {
            String link = w.get(i);
            boolean be = link.equals("is") || link.equals("are") || link.equals("were") || link.equals("was");
            boolean owns = Set.of("had", "has", "have").contains(link) && !Set.of("to", "been", "got").contains(w.get(i + 1));
            boolean modal = Set.of("should", "must", "shall").contains(link) && !w.get(i + 1).equals("be");
            if (!be && !modal && !owns) {
                continue;
            }
            List<String> x = w.subList(0, i);
            if (be && InstructionGrammar.wholeImagePrefix(x) == x.size()) {   // "(as if) it were by Modigliani"
                return InstructionGrammar.global(w.subList(i + 1, w.size()), instruction);
            }
            if (Vocabulary.NOT_VERBS.contains(x.get(0)) && !InstructionGrammar.OBJECT_STARTERS.contains(x.get(0))) {
                return null;
            }
            String target = objectPhrase(x);
            if (target.isEmpty()) {
                return null;
            }
            List<String> y = w.subList(i + 1, w.size());
            if (isRemoval(y.get(0))) {
                return new InstructionGrammar.Parsed(EditCategory.REMOVE, target, InstructionGrammar.REMOVE_CAPTION, List.of());
            }
            if (modal && InstructionGrammar.wholeImagePrefix(x) == x.size()) {   // "the photo should look like ..."
                return InstructionGrammar.global(y, instruction);
            }
            if (modal) {
                return new InstructionGrammar.Parsed(EditCategory.LOCAL, target, join(y) + " " + target, List.of());
            }
            if (owns) {   // "what if the man had a beard"
                return new InstructionGrammar.Parsed(EditCategory.LOCAL, target, target + " with " + join(y), List.of());
            }
            return InstructionGrammar.makeSplit(x, y, instruction, foreground);
        }
        return null;
    }

    /**
     * "polish the kettle": a verb the lexicon does not know, followed by an object. A new object
     * ("a", "some", a numeral: "embed two trees into the image") is an ADDITION; the background
     * ("reimagine the background with ...") a BACKGROUND edit; an aspect of the image ("enhance the
     * brightness") GLOBAL; an object taken "from the image" a REMOVE; any other object a LOCAL edit
     * of that object. Not when the first word is never an imperative ("what a lovely photo").
     */
    static InstructionGrammar.Parsed unknownVerb(List<String> w, String instruction, String foreground) {
        String verb = w.get(0);
        boolean ify = verb.endsWith("-fy") || verb.endsWith("-ify");   // "anime-fy the photo"
        if (w.size() < 2 || verb.length() < 3 || !ify && !verb.chars().allMatch(Character::isLetter) || verb.endsWith("ly")
                || Vocabulary.NOT_VERBS.contains(verb)) {
            return null;
        }
        List<String> rest = InstructionGrammar.dropParticles(w.subList(1, w.size()));
        String first = rest.get(0);
        boolean indefinite = isIndefinite(first);
        if (rest.size() < 2 || !indefinite && !InstructionGrammar.OBJECT_STARTERS.contains(first)) {
            return null;
        }
        String done = verb.endsWith("ing") ? verb : InstructionGrammar.participle(verb);
        List<String> object = InstructionGrammar.phraseBeforeLocation(rest);
        List<String> after = rest.subList(object.size(), rest.size());
        if (InstructionGrammar.wholeImagePrefix(rest) > 0 || InstructionGrammar.isWholeImageAspect(object)) {
            String look = ify ? verb.substring(0, verb.lastIndexOf('-')) + " style"
                    : verb.endsWith("ify") && verb.length() > 6 ? verb.substring(0, verb.length() - 3) + " style"
                    : done + " " + join(rest);   // "cartoonify the photo": a cartoon style
            return new InstructionGrammar.Parsed(EditCategory.GLOBAL, "", look, List.of());
        }
        List<String> bare = stripDeterminers(object);
        if (bare.isEmpty()) {
            return null;
        }
        if (Vocabulary.BACKGROUND.contains(bare.get(0))) {
            return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, foreground, join(after.isEmpty() ? rest : after),
                    List.of());
        }
        if (indefinite) {
            return new InstructionGrammar.Parsed(EditCategory.ADDITION, InstructionGrammar.cutClauses(bare), join(object),
                    List.copyOf(after));
        }
        String owner = InstructionGrammar.aspectOwner(object, true);   // "upgrade the necklace's material to gold"
        String target = owner != null ? owner : objectPhrase(rest);
        if (target.isEmpty()) {
            return null;
        }
        if (after.size() >= 2 && Set.of("in", "from", "with").contains(after.get(0))
                && (Vocabulary.MATERIAL_NOUNS.contains(after.get(after.size() - 1))
                        || MATERIALS.contains(after.get(after.size() - 1)))) {   // "render the teapot in porcelain"
            return new InstructionGrammar.Parsed(EditCategory.LOCAL, target, join(after.subList(1, after.size())) + " " + target,
                    List.of());
        }
        if (Backdrops.after(after) != null) {   // "show the watch against a dark background"
            return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, target, join(InstructionGrammar.stripThe(
                    Backdrops.after(after))), List.of());
        }
        if (InstructionGrammar.inPlace(after)) {   // "show the couple at a wedding"
            return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, target, join(InstructionGrammar.stripThe(
                    after.subList(1, after.size()))), List.of());
        }
        if (!after.isEmpty() && after.get(0).equals("from") && after.size() > 1
                && InstructionGrammar.wholeImagePrefix(after.subList(1, after.size())) == after.size() - 1) {
            return new InstructionGrammar.Parsed(EditCategory.REMOVE, target, InstructionGrammar.REMOVE_CAPTION, List.of());
        }
        return new InstructionGrammar.Parsed(EditCategory.LOCAL, target, done + " " + target
                + (after.isEmpty() || InstructionGrammar.isLocation(after.get(0)) ? "" : " " + join(after)), List.of());
    }

    /** A removal verb or participle: "removed", "expunged", "gone". */
    static boolean isRemoval(String word) {
        if (REMOVED.contains(word)) {
            return true;
        }
        String verb = VerbLexicon.canonical(word);
        return verb != null && VerbLexicon.action(verb) == VerbLexicon.Action.REMOVE;
    }

    static boolean isIndefinite(String word) {
        return INDEFINITE.contains(word) || NUMERALS.contains(word) || !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }
}
