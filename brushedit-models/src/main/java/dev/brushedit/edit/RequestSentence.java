package dev.brushedit.edit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The request in an instruction that first describes the photo in a sentence of its own: "This is
 * an ID photo - please replace the shirt", "My picture looks too blue; please fix the colours".
 * When the first sentence does not start with a verb and a later one does (or opens with a courtesy
 * word: "please ..."),
 * the later one is the request; otherwise the instruction is kept whole. Thread-safety: stateless.
 */
final class RequestSentence {
    /** A sentence end: ". ", ";", "!", "?" (not a decimal point) or a dash. */
    private static final Pattern BOUNDARY = Pattern.compile("[.;!?](?=\\s|$)|[\u2014\u2013]|\\s-\\s");

    private RequestSentence() {}

    /** The request sentence of {@code instruction}, or {@code instruction} itself. */
    static String request(String instruction) {
        String[] parts = BOUNDARY.split(instruction);
        if (parts.length < 2 || startsWithVerb(parts[0])) {
            return instruction;
        }
        for (int i = 1; i < parts.length; i++) {
            if (startsWithVerb(parts[i])) {
                StringBuilder b = new StringBuilder(parts[i].strip());
                for (int j = i + 1; j < parts.length; j++) {
                    b.append(". ").append(parts[j].strip());
                }
                return b.toString();
            }
        }
        return instruction;
    }

    private static boolean startsWithVerb(String sentence) {
        List<String> all = InstructionGrammar.words(sentence);
        List<String> w = InstructionGrammar.stripCourtesy(all);
        return !w.isEmpty() && (VerbLexicon.canonical(w.get(0)) != null || w.size() < all.size()
                && !Vocabulary.NOT_VERBS.contains(w.get(0)));   // "please adjust the colour": a request after courtesy
    }
}
