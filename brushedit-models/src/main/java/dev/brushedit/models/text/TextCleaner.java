package dev.brushedit.models.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CLIP's text normalisation before pre-tokenisation: ftfy fixes ({@link FtfyFixes}), HTML unescaping
 * twice, stripping, folding every run of Unicode white space into one space, stripping again, and
 * lower-casing, in the order of OpenAI CLIP's {@code whitespace_clean(basic_clean(text)).lower()}.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class TextCleaner {
    /** Unicode White_Space, the set the {@code regex} module's {@code \s} matches. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\p{IsWhite_Space}+");

    private TextCleaner() {}

    /** Returns the cleaned, lower-cased text that the pre-tokenizer splits. */
    static String clean(String text) {
        String t = FtfyFixes.fixText(text);
        t = HtmlUnescaper.unescape(HtmlUnescaper.unescape(t));
        t = strip(t);
        t = WHITESPACE_RUN.matcher(t).replaceAll(" ");
        t = strip(t);
        return t.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.strip()}: removes leading and trailing characters for which isspace() holds. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code str.isspace()} for one BMP char: White_Space plus U+001C-U+001F. */
    static boolean isPythonSpace(char c) {
        if (c >= 0x1C && c <= 0x1F) {
            return true;
        }
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029',
                    '\u202F', '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
