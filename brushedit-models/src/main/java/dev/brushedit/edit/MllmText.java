package dev.brushedit.edit;

import java.util.Locale;
import java.util.Map;

/**
 * Cleans text fields of a model reply so that they are data, never markup or control: control and
 * invisible formatting characters removed, whitespace collapsed, length capped; and reads the
 * category name.
 *
 * <p>Thread-safety: stateless.
 */
final class MllmText {
    /** Longest target caption kept (CLIP reads 77 tokens; this leaves room for weighting syntax). */
    static final int MAX_CAPTION_CHARS = 300;
    /** Longest target object kept. */
    static final int MAX_OBJECT_CHARS = 60;
    /** Most words in a target object (BrushEdit asks for at most five). */
    static final int MAX_OBJECT_WORDS = 5;
    /** Longest snippet of a reply quoted in an error message. */
    static final int SNIPPET_CHARS = 200;

    private static final Map<String, EditCategory> CATEGORIES = Map.ofEntries(
            Map.entry("addition", EditCategory.ADDITION),
            Map.entry("add", EditCategory.ADDITION),
            Map.entry("remove", EditCategory.REMOVE),
            Map.entry("removal", EditCategory.REMOVE),
            Map.entry("local", EditCategory.LOCAL),
            Map.entry("global", EditCategory.GLOBAL),
            Map.entry("background", EditCategory.BACKGROUND),
            Map.entry("move", EditCategory.MOVE),
            Map.entry("resize", EditCategory.RESIZE));

    private MllmText() {}

    /**
     * {@code raw} with control, format (zero-width, bidi override) and private-use characters
     * dropped, every run of whitespace made one space, stripped, and cut to {@code maxChars}.
     */
    static String clean(String raw, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), maxChars + 1));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() < maxChars;) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        String s = out.toString().strip();
        return s.length() > maxChars ? s.substring(0, maxChars).strip() : s;
    }

    /** A target object: cleaned, wrapping quotes and a final full stop dropped, at most five words. */
    static String targetObject(String raw) {
        String s = unquote(clean(raw, 4 * MAX_OBJECT_CHARS));
        String[] words = s.isEmpty() ? new String[0] : s.split(" ");
        String kept = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, MAX_OBJECT_WORDS)));
        return kept.length() > MAX_OBJECT_CHARS ? kept.substring(0, MAX_OBJECT_CHARS).strip() : kept;
    }

    /** A target caption: cleaned and capped at {@link #MAX_CAPTION_CHARS}. */
    static String caption(String raw) {
        return unquote(clean(raw, MAX_CAPTION_CHARS));
    }

    /**
     * The category a model named: one of the seven names (or "add", "removal"), any case, with
     * surrounding quotes, spaces and a final full stop ignored.
     *
     * @throws MllmException naming the raw value for anything else
     */
    static EditCategory category(String raw, String url) {
        String key = unquote(clean(raw, 40)).toLowerCase(Locale.ROOT);
        EditCategory c = CATEGORIES.get(key);
        if (c == null) {
            String shown = snippet(raw);
            throw new MllmException("the model at " + url + " named an unknown edit category \"" + shown
                    + "\"; expected one of addition, remove, local, global, background, move, resize", 200, shown, null);
        }
        return c;
    }

    /** A short, single-line, control-free excerpt of {@code text} for error messages. */
    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String s = clean(text, SNIPPET_CHARS + 1);
        return s.length() > SNIPPET_CHARS ? s.substring(0, SNIPPET_CHARS) + "..." : s;
    }

    private static String unquote(String s) {
        String t = s;
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        while (t.length() >= 2 && isQuote(t.charAt(0)) && isQuote(t.charAt(t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019';
    }
}
