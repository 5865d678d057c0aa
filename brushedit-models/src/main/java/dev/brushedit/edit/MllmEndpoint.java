package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The request-shaping options of an {@link OpenAiInstructor}: custom header checks, the endpoint's
 * query string, and which configured values are credentials to redact.
 *
 * <p>Thread-safety: stateless.
 */
final class MllmEndpoint {
    /** Headers the HTTP client or the instructor sets itself. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "content-type", "accept",
            "connection", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "date", "from",
            "referer", "via", "warning", "proxy-authorization", "proxy-connection");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(key|token|secret|sig|password|passwd|auth|credential|code).*");

    private MllmEndpoint() {}

    /** Checks a custom header and returns its name. The value is never put in a message. */
    static String checkHeader(String name, String value) {
        Checks.notNull("header name", name);
        if (!TOKEN.matcher(name).matches()) {
            throw new InvalidInputException("header name must be an HTTP token (letters, digits and !#$%&'*+.^_`|~-),"
                    + " was \"" + name + "\"");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("header " + name + " is set by the HTTP client or the instructor;"
                    + " it cannot be set as a custom header");
        }
        Checks.notNull("value of header " + name, value);
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
            throw new InvalidInputException("the value of header " + name
                    + " must be printable ASCII (no line breaks or control characters)");
        }
        return name;
    }

    /** {@code "?a=1&b=2"} with names and values URL-encoded, or an empty string. */
    static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        parameters.forEach((k, v) -> q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** The values to redact: the API key, every custom header value and credential-like query values. */
    static List<String> secrets(String apiKey, Map<String, String> headers, Map<String, String> query) {
        List<String> out = new ArrayList<>();
        out.add(apiKey);
        out.addAll(headers.values());
        query.forEach((k, v) -> {
            if (CREDENTIAL_NAME.matcher(k).matches()) {
                out.add(v);
            }
        });
        return out;
    }
}
