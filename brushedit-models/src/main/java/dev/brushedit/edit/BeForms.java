package dev.brushedit.edit;

import static dev.brushedit.edit.InstructionGrammar.join;
import static dev.brushedit.edit.InstructionGrammar.objectPhrase;
import static dev.brushedit.edit.InstructionGrammar.stripDeterminers;
import static dev.brushedit.edit.InstructionGrammar.stripThe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence forms of the offline grammar built on "be" and on wishes, each a general rule over word
 * classes: existence ("there should be a tree on the hill", "it should be a boat on the lake": an
 * ADDITION; "there should not be X": a REMOVE); a causative or question with "be" ("let the bed be
 * wooden", "let the car be replaced by a bus", "can the bus be red", "let a lamp be hung on the wall",
 * "let a forest be the background", "could he be in the forest"); a causative with an action verb
 * before a second object ("let the man press the keyboard"); and a wish ("I want a dog in the yard":
 * an ADDITION; "I want the car red": a change of the car). Thread-safety: stateless.
 */
final class BeForms {
    private static final Set<String> BE_CHAIN = Set.of("is", "are", "should", "must", "will", "would", "be", "needs",
            "need", "to", "has", "have", "been", "could", "can", "might", "may", "shall", "ought", "not");
    private static final Set<String> ASKERS = Set.of("let", "have", "make", "can", "could", "would", "should", "will",
            "may", "might", "must");
    private static final Set<String> PERSONS = Set.of("he", "she", "they", "him", "her", "them", "we", "us", "i", "me");
    private static final Set<String> SUBJECT_PLACES = Set.of("in", "at", "on", "inside");
    private static final List<List<String>> WISHES = List.of(List.of("i", "want"), List.of("i'd", "like"),
            List.of("i", "would", "like"), List.of("i", "need"), List.of("i", "wish", "for"), List.of("we", "want"),
            List.of("we", "need"), List.of("i'd", "love"), List.of("i", "would", "love"), List.of("give", "me"));

    private BeForms() {}

    /** The forms of this class, or null when none applies. */
    static InstructionGrammar.Parsed parse(List<String> w, String instruction, String foreground) {
        InstructionGrammar.Parsed p = existence(w, instruction, foreground);
        if (p == null) {
            p = askedBe(w, instruction, foreground);
        }
        if (p == null) {
            p = causativeAction(w);
        }
        if (p == null) {
            p = wish(w, instruction, foreground);
        }
        return p;
    }

    /**
     * "there should be X", "there is X", "it should be a X on Y": an ADDITION of X; "there should not
     * be X": a REMOVE of X. The "it" form needs an indefinite object followed by a location, so that
     * "it should be winter" stays a whole-image edit.
     */
    private static InstructionGrammar.Parsed existence(List<String> w, String instruction, String foreground) {
        if (w.size() < 3 || !Set.of("there", "there's", "it").contains(w.get(0))) {
            return null;
        }
        int i = 1;
        boolean negated = false;
        while (i < w.size() && BE_CHAIN.contains(w.get(i))) {
            negated |= w.get(i).equals("not");
            i++;
        }
        if (i == 1 && !w.get(0).equals("there's") || i >= w.size() || w.get(i).equals("no")) {
            return null;
        }
        List<String> rest = w.subList(i, w.size());
        if (negated) {
            return w.get(0).equals("it") ? null : InstructionGrammar.parse(prefixed("remove", rest), instruction, foreground);
        }
        if (w.get(0).equals("it")) {
            int at = InstructionGrammar.firstLocation(rest);
            List<String> bare = stripDeterminers(rest.subList(0, at));
            if (!ClauseForms.isIndefinite(rest.get(0)) || at == rest.size() || bare.isEmpty()
                    || Vocabulary.GLOBAL_WORDS.contains(InstructionGrammar.headNoun(bare))
                    || Vocabulary.STYLE_NOUNS.contains(InstructionGrammar.headNoun(bare))) {
                return null;
            }
        }
        return InstructionGrammar.parse(prefixed("add", rest), instruction, foreground);
    }

    /**
     * "let / have / can / could X be Y": an indefinite X is added (or becomes the background when Y is
     * "the background"); a person pronoun placed "in / at / on" somewhere is a background edit; a
     * definite X is changed as in "X is Y".
     */
    private static InstructionGrammar.Parsed askedBe(List<String> w, String instruction, String foreground) {
        if (w.size() < 4 || !ASKERS.contains(w.get(0))) {
            return null;
        }
        int b = w.indexOf("be");
        if (b < 2 || b == w.size() - 1) {
            return null;
        }
        List<String> subject = w.subList(1, b);
        List<String> y = w.subList(b + 1, w.size());
        if (subject.size() == 1 && PERSONS.contains(subject.get(0))) {
            return SUBJECT_PLACES.contains(y.get(0)) && y.size() > 1
                    ? new InstructionGrammar.Parsed(EditCategory.BACKGROUND, foreground, join(stripThe(y.subList(1, y.size()))),
                            List.of())
                    : null;
        }
        if (ClauseForms.isIndefinite(subject.get(0))) {
            List<String> bare = stripDeterminers(subject);
            if (bare.isEmpty()) {
                return null;
            }
            List<String> scene = stripDeterminers(y);
            if (scene.size() == 1 && Vocabulary.BACKGROUND.contains(scene.get(0))) {
                return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, foreground, join(subject), List.of());
            }
            int at = InstructionGrammar.firstLocation(y);
            return new InstructionGrammar.Parsed(EditCategory.ADDITION, InstructionGrammar.cutClauses(bare), join(subject),
                    at < y.size() || Vocabulary.LOCATION_WORDS.contains(y.get(0)) ? List.copyOf(y.subList(
                            Vocabulary.LOCATION_WORDS.contains(y.get(0)) ? 0 : at, y.size())) : List.of());
        }
        if (!InstructionGrammar.OBJECT_STARTERS.contains(subject.get(0)) && InstructionGrammar.wholeImagePrefix(subject) == 0) {
            return null;
        }
        return complement(subject, y, instruction, foreground);
    }

    /**
     * "X be Y" for a definite X: "removed" (REMOVE), "replaced by / swapped with Z" (the change
     * verb's reading), "made of Z", "in / at / on a place" (BACKGROUND keeping X), else "make X Y".
     */
    static InstructionGrammar.Parsed complement(List<String> subject, List<String> y, String instruction, String foreground) {
        String target = objectPhrase(subject);
        if (ClauseForms.isRemoval(y.get(0)) && !target.isEmpty()) {
            return new InstructionGrammar.Parsed(EditCategory.REMOVE, target, InstructionGrammar.REMOVE_CAPTION, List.of());
        }
        String verb = VerbLexicon.canonical(y.get(0));
        if (y.size() > 2 && y.get(0).endsWith("ed") && verb != null && VerbLexicon.action(verb) == VerbLexicon.Action.CHANGE) {
            List<String> again = new ArrayList<>();
            again.add(verb);
            again.addAll(subject);
            again.addAll(y.subList(1, y.size()));
            return InstructionGrammar.parse(again, instruction, foreground);
        }
        if (y.size() > 2 && y.get(0).equals("made") && y.get(1).equals("of")) {
            return InstructionGrammar.makeSplit(subject, y.subList(2, y.size()), instruction, foreground);
        }
        if (y.size() > 1 && SUBJECT_PLACES.contains(y.get(0)) && !target.isEmpty()) {
            List<String> place = stripDeterminers(y.subList(1, y.size()));
            if (!place.isEmpty() && Vocabulary.isPlace(InstructionGrammar.headNoun(InstructionGrammar.phraseBeforeLocation(place)))) {
                return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, target, join(stripThe(y.subList(1, y.size()))),
                        List.of());
            }
        }
        return InstructionGrammar.makeSplit(subject, y, instruction, foreground);
    }

    /**
     * "let / have the man PRESS the keyboard": after a definite object, a word followed by a second
     * object phrase is the action verb; the object before it is the target (LOCAL).
     */
    private static InstructionGrammar.Parsed causativeAction(List<String> w) {
        if (w.size() < 5 || !Set.of("let", "have").contains(w.get(0)) || !Set.of("the", "this", "that", "these", "those", "his",
                "her", "its", "their", "my", "your", "our").contains(w.get(1))) {
            return null;
        }
        for (int i = 3; i < w.size() - 1; i++) {
            String v = w.get(i);
            if (Vocabulary.LOCATION_WORDS.contains(v) || Vocabulary.DETERMINERS.contains(v) || v.equals("and")
                    || v.equals("with") || v.endsWith("'s")) {
                return null;
            }
            if (InstructionGrammar.OBJECT_STARTERS.contains(w.get(i + 1)) && !Vocabulary.NOT_VERBS.contains(v)) {
                String target = objectPhrase(w.subList(1, i));
                return target.isEmpty() ? null : new InstructionGrammar.Parsed(EditCategory.LOCAL, target, target + " "
                        + InstructionGrammar.gerund(v) + " " + join(stripThe(w.subList(i + 1, w.size()))), List.of());
            }
        }
        return null;
    }

    /**
     * "I want / I'd like / I need X": an indefinite X is added ("I want a dog in the yard"); a definite
     * X is made as the rest says ("I want the car red"); "I want X to be Y" is left to the subject form.
     */
    private static InstructionGrammar.Parsed wish(List<String> w, String instruction, String foreground) {
        for (List<String> lead : WISHES) {
            if (w.size() > lead.size() + 1 && w.subList(0, lead.size()).equals(lead)) {
                List<String> rest = w.subList(lead.size(), w.size());
                if (ClauseForms.isIndefinite(rest.get(0))) {
                    return InstructionGrammar.parse(prefixed("add", rest), instruction, foreground);
                }
                int to = rest.indexOf("to");
                if (to > 0 && to < rest.size() - 1 && rest.get(to + 1).equals("be")) {
                    return null;
                }
                if (InstructionGrammar.OBJECT_STARTERS.contains(rest.get(0)) || rest.get(0).equals("it")) {
                    List<String> made = new ArrayList<>(rest);
                    if (to > 0) {
                        made.remove(to);   // "I want the dog to run" -> "make the dog run"
                    }
                    return InstructionGrammar.parse(prefixed("make", made), instruction, foreground);
                }
                return null;
            }
        }
        return null;
    }

    private static List<String> prefixed(String verb, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(verb);
        out.addAll(rest);
        return out;
    }
}
