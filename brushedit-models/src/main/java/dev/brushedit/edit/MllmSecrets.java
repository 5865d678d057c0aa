package dev.brushedit.edit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The credentials an {@link OpenAiInstructor} sends (the API key, custom header values and query
 * values) and their redaction: every reply body is redacted as it arrives, before any snippet is
 * cut from it, and every {@link MllmException} is checked again on its way out, so a server that
 * echoes the request's headers cannot put a secret, whole or cut, into a message, a raw value or a
 * log line. Each secret is also matched as JSON escapes it ({@code /} as {@code \/}) and as a URL
 * query encodes it; a header value of the form {@code "Scheme token"} also hides the token alone.
 * Values shorter than {@value #MIN_LENGTH} characters are not treated as secrets (they would mask
 * ordinary text).
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class MllmSecrets {
    static final String MASK = "***";
    static final int MIN_LENGTH = 4;

    private final List<String> forms;

    MllmSecrets(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            add(all, v);
            int space = v.lastIndexOf(' ');
            if (space >= 0) {
                add(all, v.substring(space + 1));
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.forms = List.copyOf(sorted);
    }

    private static void add(Set<String> all, String v) {
        String s = v.strip();
        if (s.length() < MIN_LENGTH) {
            return;
        }
        all.add(s);
        all.add(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }

    /** {@code text} with every secret replaced by {@value #MASK}; null stays null. */
    String redact(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String out = text;
        for (String f : forms) {
            out = out.replace(f, MASK);
        }
        return out;
    }

    /** Whether {@code text} holds a secret. */
    boolean leaks(String text) {
        return text != null && !text.equals(redact(text));
    }

    /**
     * {@code e} itself when nothing in it (message, raw value, causes) holds a secret, else an
     * exception with the message and raw value redacted and without the offending cause chain.
     */
    MllmException scrub(MllmException e) {
        Throwable cause = e.getCause();
        boolean causeLeaks = cause != null && leaks(trace(cause));
        if (!causeLeaks && !leaks(e.getMessage()) && !leaks(e.rawValue())) {
            return e;
        }
        MllmException clean = new MllmException(redact(e.getMessage()), e.httpStatus(), redact(e.rawValue()),
                causeLeaks ? null : cause);
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }

    /** The text of every throwable in the cause chain (stack frames hold no secrets). */
    private static String trace(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            sb.append(c).append('\n');
            for (Throwable s : c.getSuppressed()) {
                sb.append(s).append('\n');
            }
        }
        return sb.toString();
    }
}
