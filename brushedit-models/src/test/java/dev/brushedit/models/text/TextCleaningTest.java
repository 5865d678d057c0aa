package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cleaning steps one by one. Expected strings are ftfy 6.3.1's {@code fix_text} and Python 3.11's
 * {@code html.unescape} outputs for the same inputs (evaluated with /work/pyenv, see the README of the
 * clip-tokenizer fixtures); the end-to-end ids are covered by ClipTokenizerParityTest.
 */
class TextCleaningTest {
    @Test
    void ftfyFixesOrdinaryText() {
        assertThat(FtfyFixes.fixText("Broken text&hellip; it&#x2019;s ﬂubberiﬁc!")).isEqualTo("Broken text… it's flubberific!");
        assertThat(FtfyFixes.fixText("ＬＯＵＤ\u3000ＮＯＩＳＥＳ")).isEqualTo("LOUD NOISES");
        assertThat(FtfyFixes.fixText("&NTILDE;")).isEqualTo("Ñ");
        assertThat(FtfyFixes.fixText("&lt;3 &amp;")).isEqualTo("<3 &");
        assertThat(FtfyFixes.fixText("\u001B[31mred\u001B[0m")).isEqualTo("red");
        assertThat(FtfyFixes.fixText("a\r\nb\u0085c")).isEqualTo("a\nb…c");
        assertThat(FtfyFixes.fixText("&#x80;")).isEqualTo("€");
        assertThat(FtfyFixes.fixText("&#150;")).isEqualTo("–");
        assertThat(FtfyFixes.fixText("&amp")).isEqualTo("&amp");
        assertThat(FtfyFixes.fixText("ﬅ")).isEqualTo("ſt");
        assertThat(FtfyFixes.fixText("\u0081\u0093")).isEqualTo("\u0081\"");
    }

    @Test
    void ftfyLeavesEntitiesAloneOnceALineHasALessThanSign() {
        assertThat(FtfyFixes.fixText("x < y &amp; z")).isEqualTo("x < y &amp; z");
        assertThat(FtfyFixes.fixText("&amp;\na < b &amp;\n&amp;")).isEqualTo("&\na < b &amp;\n&amp;");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertThat(FtfyFixes.fixText("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    }

    @Test
    void htmlUnescapeFollowsPythonRules() {
        assertThat(HtmlUnescaper.unescape("x < y &amp; z")).isEqualTo("x < y & z");
        assertThat(HtmlUnescaper.unescape("&amp")).isEqualTo("&");
        assertThat(HtmlUnescaper.unescape("&notit;")).isEqualTo("¬it;");
        assertThat(HtmlUnescaper.unescape("&#0;&#x110000;&#xD800;&#1;&#13;")).isEqualTo("\uFFFD\uFFFD\uFFFD\r");
        assertThat(HtmlUnescaper.unescape("&#99999999999999999999;")).isEqualTo("\uFFFD");
        assertThat(HtmlUnescaper.unescape("&#x1F600;&#9731")).isEqualTo("😀☃");
        assertThat(HtmlUnescaper.unescape("&unknown; & &; &#;")).isEqualTo("&unknown; & &; &#;");
    }

    @Test
    void cleanFoldsWhiteSpaceStripsAndLowerCases() {
        assertThat(TextCleaner.clean("  A\t\tB\u00A0\u2003C \n")).isEqualTo("a b c");
        assertThat(TextCleaner.clean("\u001C\u001Dx\u001F")).isEqualTo("x");
        assertThat(TextCleaner.clean("\u039F\u0394\u039F\u03A3")).isEqualTo("\u03BF\u03B4\u03BF\u03C2");
        assertThat(TextCleaner.clean("&amp;amp;amp;")).isEqualTo("&");
    }
}
