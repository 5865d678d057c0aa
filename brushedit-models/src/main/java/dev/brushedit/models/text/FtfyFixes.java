package dev.brushedit.models.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The subset of ftfy's {@code fix_text} (ftfy 6.3, default configuration) that changes ordinary text,
 * applied as ftfy applies it: the text is fixed line by line (each segment ends after a '\n'); within a
 * segment the fixes below run in ftfy's order and repeat until the text stops changing.
 *
 * <ol>
 *   <li>HTML entities ending in ';' (only while no segment so far contained '&lt;', as ftfy's "auto").</li>
 *   <li>C1 controls U+0080-U+009F read as Windows-1252.</li>
 *   <li>Latin ligatures and digraphs (ﬁ, ﬂ, ĳ, ǆ, ...) split into letters.</li>
 *   <li>Full-width and half-width forms U+FF01-U+FFEF to their NFKC form; U+3000 to a space.</li>
 *   <li>Curly quotes U+2018-U+201B and U+02BC to {@code '}, U+201C-U+201F to {@code "}.</li>
 *   <li>Line breaks (CR LF, CR, U+2028, U+2029, U+0085) to '\n'.</li>
 *   <li>Lone surrogates to U+FFFD.</li>
 *   <li>ANSI terminal escapes removed.</li>
 *   <li>Control characters removed (U+0000-0008, 000B, 000E-001F, 007F, 206A-206F, FEFF, FFF9-FFFC).</li>
 *   <li>NFC normalisation.</li>
 * </ol>
 * Not covered: ftfy's mojibake repair ({@code fix_encoding}: re-decoding text that was decoded with the
 * wrong codec, such as "Ã©" for "é"), which only fires on text its heuristics judge garbled.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class FtfyFixes {
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[(?:\\p{Nd}|;)*[a-zA-Z]");
    private static final int WIDTH_FIRST = 0xFF01;
    private static final String[] WIDTH_MAP = buildWidthMap();

    private FtfyFixes() {}

    /** Applies the fixes to {@code text}, segment by segment. */
    static String fixText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean unescapeHtml = true;
        int pos = 0;
        while (pos < text.length()) {
            int brk = text.indexOf('\n', pos) + 1;
            if (brk == 0) {
                brk = text.length();
            }
            String segment = text.substring(pos, brk);
            if (unescapeHtml && segment.indexOf('<') >= 0) {
                unescapeHtml = false; // ftfy keeps this off for the rest of the text, too
            }
            out.append(fixSegment(segment, unescapeHtml));
            pos = brk;
        }
        return out.toString();
    }

    private static String fixSegment(String segment, boolean unescapeHtml) {
        String text = segment;
        while (true) {
            String before = text;
            if (unescapeHtml) {
                text = HtmlUnescaper.ftfyUnescape(text);
            }
            text = mapChars(text);
            text = fixLineBreaks(text);
            if (text.indexOf('\u001B') >= 0) {
                text = ANSI_ESCAPE.matcher(text).replaceAll("");
            }
            text = removeControlChars(text);
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
            if (text.equals(before)) {
                return text;
            }
        }
    }

    /**
     * C1 controls, ligatures, widths and quotes: each maps one char to a fixed replacement, and the
     * four steps run one after another in ftfy, so a char is fed through them in that order.
     * Surrogate repair is folded in here as well (it only affects lone surrogates).
     */
    private static String mapChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacementFor(text, i, c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacementFor(String text, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : "\uFFFD";
        }
        String s = String.valueOf(Windows1252.decodeC1(c));
        s = ligature(s);
        s = width(s);
        s = uncurl(s);
        return s.length() == 1 && s.charAt(0) == c ? null : s;
    }

    private static String ligature(String s) {
        if (s.length() != 1) {
            return s;
        }
        switch (s.charAt(0)) {
            case '\u0132': return "IJ";
            case '\u0133': return "ij";
            case '\u0149': return "\u02BCn";
            case '\u01F1': return "DZ";
            case '\u01F2': return "Dz";
            case '\u01F3': return "dz";
            case '\u01C4': return "D\u017D";
            case '\u01C5': return "D\u017E";
            case '\u01C6': return "d\u017E";
            case '\u01C7': return "LJ";
            case '\u01C8': return "Lj";
            case '\u01C9': return "lj";
            case '\u01CA': return "NJ";
            case '\u01CB': return "Nj";
            case '\u01CC': return "nj";
            case '\uFB00': return "ff";
            case '\uFB01': return "fi";
            case '\uFB02': return "fl";
            case '\uFB03': return "ffi";
            case '\uFB04': return "ffl";
            case '\uFB05': return "\u017Ft";
            case '\uFB06': return "st";
            default: return s;
        }
    }

    private static String width(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String w = c == '\u3000' ? " " : c >= WIDTH_FIRST && c < WIDTH_FIRST + WIDTH_MAP.length
                    ? WIDTH_MAP[c - WIDTH_FIRST] : null;
            if (w != null && out == null) {
                out = new StringBuilder().append(s, 0, i);
            }
            if (out != null) {
                out.append(w != null ? w : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String uncurl(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u02BC' || (c >= '\u2018' && c <= '\u201B')) {
                out.append('\'');
            } else if (c >= '\u201C' && c <= '\u201F') {
                out.append('"');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String fixLineBreaks(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0
                && text.indexOf('\u0085') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n')
                .replace('\u2029', '\n').replace('\u0085', '\n');
    }

    private static String removeControlChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F
                    || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !drop) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String[] buildWidthMap() {
        String[] map = new String[0xFFF0 - WIDTH_FIRST];
        for (int i = 0; i < map.length; i++) {
            String c = String.valueOf((char) (WIDTH_FIRST + i));
            String nfkc = Normalizer.normalize(c, Normalizer.Form.NFKC);
            map[i] = nfkc.equals(c) ? null : nfkc;
        }
        return map;
    }
}
