package dev.brushedit.edit;

import java.util.List;
import java.util.Set;

/**
 * Clauses that say what to keep beside the edit: "... while keeping the person unchanged", "...
 * whilst preserving the original lighting", "keep the dog but replace the cat with a fox", "remove the
 * cup, keep everything else the same", "... and keep the man". The
 * clause is cut and the edit parsed alone; a kept object becomes the foreground of a BACKGROUND
 * edit ("change the background to a park while keeping the woman" keeps the woman).
 * Thread-safety: stateless.
 */
final class KeptClauses {
    /** The edit's words and the kept object (empty when the clause names none). */
    record Split(List<String> edit, String kept) {}

    private static final Set<String> WHILE = Set.of("while", "whilst");
    private static final Set<String> KEEPING = Set.of("keeping", "preserving", "maintaining", "leaving", "retaining",
            "ensuring", "making", "not", "still", "and");
    private static final Set<String> KEEP = Set.of("keep", "preserve", "retain", "leave", "maintain");
    private static final Set<String> UNCHANGED = Set.of("unchanged", "intact", "untouched", "same", "as", "is", "it",
            "they", "are", "the", "original", "alone", "in", "place", "consistent", "unaltered", "identical");

    private KeptClauses() {}

    /** The split of {@code w}, or null when it holds no such clause. */
    static Split split(List<String> w) {
        if (w.size() < 3) {
            return null;
        }
        for (int i = 2; i < w.size() - 1; i++) {
            if (WHILE.contains(w.get(i)) && KEEPING.contains(w.get(i + 1))) {
                return new Split(w.subList(0, i), kept(w.subList(i + 2, w.size())));
            }
        }
        for (int i = 3; i < w.size() - 1; i++) {   // "remove the dog, keep everything else the same"
            if (Set.of("keep", "keeping", "preserve", "preserving").contains(w.get(i))
                    && !Set.of("to", "will", "should", "must", "and").contains(w.get(i - 1))
                    || w.get(i).equals("and") && KEEP.contains(w.get(i + 1)) && i + 2 < w.size()) {
                int from = w.get(i).equals("and") ? i + 2 : i + 1;
                int end = w.get(i - 1).equals("but") || w.get(i - 1).equals("yet") ? i - 1 : i;   // "X but keep Y"
                return new Split(w.subList(0, end), kept(w.subList(from, w.size())));
            }
        }
        int but = w.indexOf("but");
        int and = w.indexOf("and");
        if (but < 0 && and > 0 && and < w.size() - 2 && (VerbLexicon.canonical(w.get(and + 1)) != null
                || !Vocabulary.NOT_VERBS.contains(w.get(and + 1)) && InstructionGrammar.OBJECT_STARTERS.contains(w.get(and + 2)))) {
            but = and;   // "keep the dog and blur the background"
        }
        if (KEEP.contains(w.get(0)) && but >= 2 && but < w.size() - 2) {
            return new Split(w.subList(but + 1, w.size()), kept(w.subList(1, but)));
        }
        return null;
    }

    /** The edit read alone, its BACKGROUND foreground replaced by the kept object. */
    static InstructionGrammar.Parsed apply(InstructionGrammar.Parsed p, String kept, String foreground) {
        if (p.category() == EditCategory.BACKGROUND && p.target().equals(foreground) && !kept.isEmpty()) {
            return new InstructionGrammar.Parsed(p.category(), kept, p.caption(), p.where());
        }
        return p;
    }

    private static String kept(List<String> phrase) {
        int end = phrase.size();
        while (end > 0 && UNCHANGED.contains(phrase.get(end - 1))) {
            end--;
        }
        if (end == 0) {
            return "";
        }
        List<String> object = phrase.subList(0, end);
        if (InstructionGrammar.wholeImagePrefix(object) > 0 || InstructionGrammar.isWholeImageAspect(object)
                || !InstructionGrammar.OBJECT_STARTERS.contains(object.get(0)) || ClauseForms.isIndefinite(object.get(0))) {
            return "";
        }
        String kept = InstructionGrammar.objectPhrase(object);
        return Vocabulary.WHOLE_IMAGE.contains(kept) || Vocabulary.BACKGROUND.contains(kept) ? "" : kept;
    }
}
