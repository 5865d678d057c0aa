package dev.brushedit.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for the MLLM instructor: a strict mapper for the server's envelope, a lenient one for the
 * model's own text, and the search for the first JSON object inside free text (code fences,
 * prose before or after).
 *
 * <p>Thread-safety: stateless; the mappers are configured once and safe to share.
 */
final class MllmJson {
    /** Deepest nesting accepted in a reply (a plan is two levels deep). */
    private static final int MAX_DEPTH = 64;

    /** For requests and the chat-completions envelope. */
    static final ObjectMapper STRICT = limited(JsonMapper.builder()).build();

    /** For the model's text: comments, single quotes, unquoted names, trailing commas, NaN allowed. */
    static final ObjectMapper LENIENT = limited(JsonMapper.builder())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private MllmJson() {}

    private static JsonMapper.Builder limited(JsonMapper.Builder b) {
        JsonMapper m = b.build();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        return m.rebuild();
    }

    /** {@code text} parsed leniently, or null when it is not JSON. */
    static JsonNode parseLenient(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The first JSON object in {@code text}: the whole text when it is one, else each outermost
     * balanced {@code {...}} span (quotes respected) from left to right until one parses. Spans
     * that fail are skipped whole, so the search is linear in the text's length.
     *
     * @return the object, or null when the text holds none
     */
    static JsonNode firstObject(String text) {
        JsonNode whole = parseLenient(text.strip());
        if (whole != null && whole.isObject()) {
            return whole;
        }
        int from = text.indexOf('{');
        while (from >= 0) {
            int end = matchingBrace(text, from);
            if (end < 0) {
                return null;
            }
            JsonNode node = parseLenient(text.substring(from, end + 1));
            if (node != null && node.isObject()) {
                return node;
            }
            from = text.indexOf('{', end + 1);
        }
        return null;
    }

    /** Index of the brace closing the one at {@code open}, or -1 when the text ends first. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
