package dev.brushedit.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An edit of everything but one object: "make everything except the dog black and white", "blur everything but the
 * bride", "remove the colour from the rest of the image apart from the rose". Only what lies outside the object
 * changes, so it is a BACKGROUND edit whose foreground is the excepted object; the edit is read with "the background"
 * in place of "everything except X" for its caption. Thread-safety: stateless.
 */
final class ExceptForms {
    private static final Set<String> ALL = Set.of("everything", "anything", "else", "rest", "image", "photo",
            "picture", "scene", "elsewhere");
    private static final Set<String> EXCEPT = Set.of("except", "but", "besides", "excluding", "save", "barring");

    private ExceptForms() {}

    /** The reading of {@code w}, or null when it holds no "everything except X". */
    static InstructionGrammar.Parsed parse(List<String> w, String instruction, String foreground) {
        for (int e = 2; e < w.size() - 1; e++) {
            int xs = EXCEPT.contains(w.get(e)) ? e + 1
                    : e < w.size() - 2 && (w.get(e).equals("apart") && w.get(e + 1).equals("from")
                            || w.get(e).equals("other") && w.get(e + 1).equals("than")) ? e + 2 : -1;
            if (xs < 0 || !ALL.contains(w.get(e - 1)) || xs >= w.size()) {
                continue;
            }
            int s = e - 1;
            while (s > 1 && Set.of("the", "this", "whole", "entire", "everything", "of").contains(w.get(s - 1))
                    || s > 1 && ALL.contains(w.get(s - 1))) {
                s--;   // "the rest of the image except", "everything else but"
            }
            int xe = objectEnd(w, xs);
            String target = InstructionGrammar.objectPhrase(w.subList(xs, xe));
            if (target.isEmpty() || ALL.contains(target)) {
                return null;
            }
            List<String> edit = new ArrayList<>(w.subList(0, s));
            edit.add("the");
            edit.add("background");
            edit.addAll(w.subList(xe, w.size()));
            String caption = InstructionGrammar.join(edit);
            try {
                InstructionGrammar.Parsed p = InstructionGrammar.parse(edit, instruction, foreground);
                caption = p.category() == EditCategory.BACKGROUND ? p.caption() : caption;
            } catch (dev.brushedit.core.InvalidInputException unread) {
                // the caption stays the rewritten sentence
            }
            return new InstructionGrammar.Parsed(EditCategory.BACKGROUND, target, caption, List.of());
        }
        return null;
    }

    /** Where the excepted object ends: at an attribute that ends the sentence or opens a list ("the dog BLACK and white"). */
    private static int objectEnd(List<String> w, int xs) {
        for (int k = xs + 1; k < w.size(); k++) {
            boolean last = k == w.size() - 1;
            if (Vocabulary.isAttribute(w.get(k)) && !w.get(k).equals("and") && !InstructionGrammar.stripDeterminers(
                    w.subList(xs, k)).isEmpty() && (last || w.get(k + 1).equals("and") || Vocabulary.isAttribute(w.get(k + 1)))) {
                return k;
            }
        }
        return w.size();
    }
}
