package dev.brushedit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one JSON request body, read with errors (HTTP 400) that name the field, its
 * expected form and what was sent. Unknown fields are refused, so a misspelt one is not silently
 * ignored.
 *
 * <p>Thread-safety: not thread-safe; one per request.
 */
final class Fields {
    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final String prefix;

    private Fields(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** Parses a request body that must be a JSON object holding only {@code allowed} fields. */
    static Fields parse(String body, Set<String> allowed) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, null, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, null, "the request body must be a JSON object, e.g. {\"image\": \"<base64 PNG>\"}");
        }
        return new Fields(root, "").only(allowed);
    }

    /** Refuses a field not in {@code allowed}. */
    Fields only(Set<String> allowed) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badField(prefix + name, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
        return this;
    }

    /** The full name of field {@code name} as the client wrote it ("plan.box"). */
    String name(String name) {
        return prefix + name;
    }

    boolean has(String name) {
        JsonNode n = root.get(name);
        return n != null && !n.isNull();
    }

    String requireString(String name) {
        return string(name).orElseThrow(() -> ApiException.badField(name(name), "is required"));
    }

    Optional<String> string(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.isTextual()) {
            throw ApiException.badField(name(name), "must be a string, was " + n.getNodeType().toString().toLowerCase());
        }
        return Optional.of(n.asText());
    }

    Optional<Long> integer(String name, long min, long max) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw ApiException.badField(name(name), "must be a whole number, was " + n);
        }
        long v = n.asLong();
        if (v < min || v > max) {
            throw ApiException.badField(name(name), "must be between " + min + " and " + max + ", was " + v);
        }
        return Optional.of(v);
    }

    Optional<Double> number(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.isNumber()) {
            throw ApiException.badField(name(name), "must be a number, was " + n);
        }
        return Optional.of(n.asDouble());
    }

    Optional<Boolean> bool(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.isBoolean()) {
            throw ApiException.badField(name(name), "must be true or false, was " + n);
        }
        return Optional.of(n.asBoolean());
    }

    /** A box {@code [x0, y0, x1, y1]} in whole pixels (x1, y1 exclusive). */
    Optional<Box> box(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.isArray() || n.size() != 4 || !allIntegral(n)) {
            throw ApiException.badField(name(name), "must be [x0, y0, x1, y1] in whole pixels, was " + n);
        }
        try {
            return Optional.of(new Box(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt(), n.get(3).asInt()));
        } catch (InvalidInputException e) {
            throw ApiException.badField(name(name), e.getMessage());
        }
    }

    private static boolean allIntegral(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    /** The nested object {@code name}, holding only {@code allowed} fields. */
    Optional<Fields> object(String name, Set<String> allowed) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode n = root.get(name);
        if (!n.isObject()) {
            throw ApiException.badField(name(name), "must be a JSON object, was " + n.getNodeType().toString().toLowerCase());
        }
        return Optional.of(new Fields(n, prefix + name + ".").only(allowed));
    }

    /** A new empty JSON object for a response. */
    static ObjectNode response() {
        return JSON.createObjectNode();
    }
}
