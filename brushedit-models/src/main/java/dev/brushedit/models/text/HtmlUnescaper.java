package dev.brushedit.models.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character-reference decoding with the two behaviours CLIP's text cleaning relies on: the HTML5
 * rules of Python's {@code html.unescape} (named references with or without ';', longest-prefix
 * matching, numeric references with the Windows-1252 remapping of 0x80-0x9F, replacement and removal of
 * invalid code points) and ftfy's stricter {@code unescape_html} (only complete references ending in
 * ';', plus upper-cased variants of lower-case names such as {@code &NTILDE;}).
 *
 * <p>Thread-safety: stateless after class initialisation; safe for concurrent use.
 */
final class HtmlUnescaper {
    private static final String TABLE = "html5-entities.tsv";

    /** Python html._charref: numeric decimal, numeric hex, or up to 32 name characters, optional ';'. */
    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    /** ftfy HTML_ENTITY_RE. */
    private static final Pattern FTFY_ENTITY = Pattern.compile("&#?[0-9A-Za-z]{1,24};");

    /** WHATWG table: names (some without ';') to their replacement text. */
    private static final Map<String, String> HTML5 = loadTable();
    /** ftfy's table: "&name;" for every name ending in ';' plus accepted upper-case variants. */
    private static final Map<String, String> FTFY = buildFtfyTable();

    private HtmlUnescaper() {}

    /** Decodes every character reference in {@code s} as Python's {@code html.unescape} does. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replaceCharref(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Decodes only complete references ending in ';', as ftfy's {@code unescape_html} fix does. */
    static String ftfyUnescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = FTFY_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String ref = m.group();
            String replacement = FTFY.get(ref);
            if (replacement == null) {
                replacement = ref;
                if (ref.startsWith("&#")) {
                    String decoded = unescape(ref);
                    if (decoded.indexOf(';') < 0) {
                        replacement = decoded;
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replaceCharref(String ref) {
        if (ref.charAt(0) == '#') {
            boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
            String digits = ref.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            return numericReference(parseCapped(digits, hex ? 16 : 10));
        }
        String direct = HTML5.get(ref);
        if (direct != null) {
            return direct;
        }
        for (int x = ref.length() - 1; x > 1; x--) {
            String prefix = HTML5.get(ref.substring(0, x));
            if (prefix != null) {
                return prefix + ref.substring(x);
            }
        }
        return "&" + ref;
    }

    /** Parses digits, saturating at a value above U+10FFFF so that huge references stay "too large". */
    private static int parseCapped(String digits, int radix) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * radix + Character.digit(digits.charAt(i), radix);
            if (value > 0x10FFFF) {
                return 0x110000;
            }
        }
        return (int) value;
    }

    private static String numericReference(int cp) {
        if (cp == 0x00) {
            return "\uFFFD";
        }
        if (cp == 0x0D) {
            return "\r";
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            return String.valueOf(Windows1252.decodeC1((char) cp));
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            return "\uFFFD";
        }
        if (isInvalidCodePoint(cp)) {
            return "";
        }
        return new String(Character.toChars(cp));
    }

    /** The code points html.unescape drops (controls and noncharacters; 0x80-0x9F handled above). */
    private static boolean isInvalidCodePoint(int cp) {
        return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || cp == 0x7F
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static Map<String, String> loadTable() {
        Map<String, String> table = new HashMap<>(4096);
        try (InputStream in = HtmlUnescaper.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TABLE + " is missing from the brushedit-models jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                StringBuilder value = new StringBuilder(2);
                for (String hex : line.substring(tab + 1).split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                table.put(line.substring(0, tab), value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + TABLE, e);
        }
        return Map.copyOf(table);
    }

    private static Map<String, String> buildFtfyTable() {
        Map<String, String> table = new HashMap<>(4096);
        for (Map.Entry<String, String> e : HTML5.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(";")) {
                continue;
            }
            table.put("&" + name, e.getValue());
            if (name.equals(name.toLowerCase(Locale.ROOT))) {
                String upper = "&" + name.toUpperCase(Locale.ROOT);
                if (unescape(upper).equals(upper)) {
                    table.put(upper, e.getValue().toUpperCase(Locale.ROOT));
                }
            }
        }
        return Map.copyOf(table);
    }
}
