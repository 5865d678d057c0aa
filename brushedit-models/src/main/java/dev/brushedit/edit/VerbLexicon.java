package dev.brushedit.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline instructor's verbs, each mapped to its action, with tolerant matching: an exact word,
 * its "-ing"/"-ed"/"-s" form, or a misspelling within an edit distance of 1 (words of 3 to 5
 * letters) or 2 (6 letters or more), counting a swap of two neighbouring letters as one edit
 * (optimal-string-alignment distance). Verbs of three letters or fewer ("set", "put", "add") are
 * never matched through misspellings: too many English words are one letter from them ("let",
 * "pot"); "ad" is accepted as a listed spelling of "add". "let" ("let the cat jump") is read as
 * "make". Thread-safety: stateless.
 */
final class VerbLexicon {

    /** What a verb asks for. */
    enum Action { REMOVE, ADD, PUT, CHANGE, MAKE, GIVE, APPLY }

    /** Verbs of this many letters or fewer ("set", "add", "cut") are matched exactly, never fuzzily. */
    static final int MAX_EXACT_ONLY = 3;

    private static final Map<String, Action> VERBS = new LinkedHashMap<>();

    static {
        for (String v : List.of("remove", "delete", "erase", "eliminate", "clear", "wipe", "drop", "cut", "hide", "rid",
                "banish", "eradicate", "expunge", "purge", "omit", "exclude", "discard")) {
            VERBS.put(v, Action.REMOVE);
        }
        for (String v : List.of("add", "insert", "include", "draw", "introduce", "attach", "create", "generate")) {
            VERBS.put(v, Action.ADD);
        }
        for (String v : List.of("put", "place", "set", "move", "position")) {
            VERBS.put(v, Action.PUT);
        }
        for (String v : List.of("replace", "change", "turn", "swap", "transform", "convert", "switch", "substitute",
                "exchange", "alter", "modify")) {
            VERBS.put(v, Action.CHANGE);
        }
        for (String v : List.of("make", "paint", "color", "colour", "recolor", "recolour", "dye", "render", "tint", "let")) {
            VERBS.put(v, Action.MAKE);
        }
        VERBS.put("give", Action.GIVE);
        for (String v : List.of("apply", "stylize", "stylise", "restyle")) {
            VERBS.put(v, Action.APPLY);
        }
    }

    private VerbLexicon() {}

    /** The canonical verb {@code word} stands for, or null. */
    static String canonical(String word) {
        if (VERBS.containsKey(word)) {
            return word;
        }
        for (String stem : stems(word)) {
            if (VERBS.containsKey(stem)) {
                return stem;
            }
        }
        if (word.equals("ad")) {
            return "add";
        }
        if (word.length() < 3) {
            return null;
        }
        int allowed = word.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String verb : VERBS.keySet()) {
            if (verb.length() <= MAX_EXACT_ONLY) {
                continue;
            }
            int d = distance(word, verb);
            if (d <= allowed && d < bestDistance) {
                best = verb;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The action of a canonical verb. */
    static Action action(String canonicalVerb) {
        return VERBS.get(canonicalVerb);
    }

    private static List<String> stems(String w) {
        if (w.endsWith("ing") && w.length() > 5) {
            String s = w.substring(0, w.length() - 3);
            return List.of(s, s + "e", s.length() > 2 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2)
                    ? s.substring(0, s.length() - 1) : s);
        }
        if (w.endsWith("ed") && w.length() > 4) {
            String s = w.substring(0, w.length() - 2);
            boolean doubled = s.length() > 2 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2);
            return List.of(s, s + "e", w.substring(0, w.length() - 1), doubled ? s.substring(0, s.length() - 1) : s);
        }
        if (w.endsWith("s") && w.length() > 3) {
            return List.of(w.substring(0, w.length() - 1), w.endsWith("es") ? w.substring(0, w.length() - 2) : w);
        }
        return List.of();
    }

    /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
