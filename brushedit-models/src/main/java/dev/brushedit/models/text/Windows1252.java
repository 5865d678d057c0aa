package dev.brushedit.models.text;

/**
 * The Windows-1252 meaning of the C1 control range U+0080-U+009F, with the five bytes Windows-1252
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) kept as they are ("sloppy" decoding, as ftfy and the
 * HTML5 numeric-reference rules both do).
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class Windows1252 {
    private static final String C1 =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private Windows1252() {}

    /** Returns the Windows-1252 character for {@code c} in U+0080-U+009F; other characters unchanged. */
    static char decodeC1(char c) {
        return c >= 0x80 && c <= 0x9F ? C1.charAt(c - 0x80) : c;
    }
}
