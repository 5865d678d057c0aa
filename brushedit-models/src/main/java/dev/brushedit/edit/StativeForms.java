package dev.brushedit.edit;

import static dev.brushedit.edit.InstructionGrammar.objectPhrase;

import java.util.List;
import java.util.Set;

/**
 * Sentences that state the result as something happening to the object, with the object as the
 * subject: "the cup turns blue", "the lamp changes to gold", "the box now gets a wooden finish"
 * (the value goes to the object, as "make X Y" does: LOCAL, or BACKGROUND / GLOBAL for the
 * background or the image); "the vase disappears", "the car is no longer there", "the bench is
 * gone now" (REMOVE); and a causative of disappearing, "make all the cones disappear", "let the
 * bird vanish", "have the sign go away" (REMOVE). Thread-safety: stateless.
 */
final class StativeForms {
    private static final Set<String> CHANGES = Set.of("turns", "turned", "changes", "changed", "becomes", "became",
            "gets", "got", "goes", "went", "transforms", "transformed", "morphs", "morphed", "turn", "change", "become", "get",
            "go", "transform", "morph");
    private static final Set<String> DISAPPEARS = Set.of("disappears", "disappeared", "vanishes", "vanished");
    private static final Set<String> DISAPPEAR = Set.of("disappear", "vanish", "evaporate", "fade");
    private static final Set<String> BE = Set.of("is", "are", "was", "were");
    /** Auxiliaries: "the lamp needs to be turned into ..." is a passive wish, left to the other rules. */
    private static final Set<String> AUXILIARIES = Set.of("be", "been", "being", "should", "must", "will", "would",
            "can", "could", "shall", "may", "might", "needs", "need", "has", "have", "had", "does", "do", "did");
    private static final Set<String> TIME = Set.of("now", "then", "suddenly", "gradually", "slowly", "completely");

    private StativeForms() {}

    /** The reading of {@code w} as one of these forms, or null. */
    static InstructionGrammar.Parsed parse(List<String> w, String instruction, String foreground) {
        InstructionGrammar.Parsed caused = causedDisappearance(w);
        if (caused != null || w.size() < 3 || !InstructionGrammar.OBJECT_STARTERS.contains(w.get(0))) {
            return caused;
        }
        for (int i = 1; i < w.size(); i++) {
            String v = w.get(i);
            boolean change = CHANGES.contains(v);
            boolean gone = DISAPPEARS.contains(v);
            boolean be = BE.contains(v);
            if (!change && !gone && !be) {
                continue;
            }
            int end = i;
            while (end > 1 && TIME.contains(w.get(end - 1))) {
                end--;
            }
            List<String> x = w.subList(0, end);
            if (x.stream().anyMatch(AUXILIARIES::contains)) {
                return null;
            }
            String target = objectPhrase(x);
            if (target.isEmpty() || InstructionGrammar.wholeImagePrefix(x) == x.size()) {
                return null;
            }
            List<String> y = w.subList(i + 1, w.size()).stream().filter(t -> !TIME.contains(t)).toList();
            if (gone || be && isAbsence(y)) {
                return new InstructionGrammar.Parsed(EditCategory.REMOVE, target, InstructionGrammar.REMOVE_CAPTION, List.of());
            }
            if (!change) {
                return null;
            }
            if (!y.isEmpty() && Set.of("to", "into", "in").contains(y.get(0))) {
                y = y.subList(1, y.size());
            }
            if (y.isEmpty()) {
                return null;
            }
            return InstructionGrammar.makeSplit(x, y, instruction, foreground);
        }
        return null;
    }

    /** "no longer there", "gone", "not there anymore", "missing", "removed". */
    private static boolean isAbsence(List<String> y) {
        if (y.isEmpty()) {
            return false;
        }
        if (y.size() >= 2 && y.get(0).equals("no") && y.get(1).equals("longer")) {
            return true;
        }
        if (y.get(0).equals("not") && y.size() >= 2 && Set.of("there", "visible", "present").contains(y.get(1))) {
            return true;
        }
        return y.size() <= 2 && ClauseForms.isRemoval(y.get(0));
    }

    /** "make the cones disappear", "let the bird vanish", "have the sign go away": REMOVE. */
    private static InstructionGrammar.Parsed causedDisappearance(List<String> w) {
        if (w.size() < 3 || !Set.of("make", "let", "have").contains(w.get(0))) {
            return null;
        }
        int n = w.size();
        int end = DISAPPEAR.contains(w.get(n - 1)) ? n - 1
                : n > 3 && w.get(n - 2).equals("go") && w.get(n - 1).equals("away") ? n - 2 : -1;
        if (end < 2) {
            return null;
        }
        String target = objectPhrase(w.subList(1, end));
        return target.isEmpty() ? null
                : new InstructionGrammar.Parsed(EditCategory.REMOVE, target, InstructionGrammar.REMOVE_CAPTION, List.of());
    }
}
