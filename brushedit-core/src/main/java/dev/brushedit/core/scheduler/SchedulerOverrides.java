package dev.brushedit.core.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-request changes to a checkpoint's {@code scheduler_config.json}, by diffusers key: for example
 * {@code use_karras_sigmas=true}, {@code final_sigmas_type=zero}, {@code timestep_spacing=trailing}.
 * Each option is checked when it is set: the key must be one this library implements and the value
 * must have that key's type and range. {@link #applyTo(String)} gives the effective configuration (the
 * folder's JSON with these keys replaced), which is what runs and what provenance records.
 *
 * <p>Values are written as on a command line: {@code true}/{@code false}, numbers, {@code null}, JSON
 * arrays, or plain text for names.
 *
 * <p>Thread-safety: immutable.
 */
public final class SchedulerOverrides {
    /** No overrides: the folder's configuration as it is. */
    public static final SchedulerOverrides NONE = new SchedulerOverrides(Map.of());

    private final Map<String, JsonNode> values;

    private SchedulerOverrides(Map<String, JsonNode> values) {
        this.values = values;
    }

    /**
     * Overrides from {@code key -> value} text pairs, in order.
     *
     * @throws InvalidInputException naming the first key that is unknown, not implemented, or whose
     *     value does not fit it
     */
    public static SchedulerOverrides of(Map<String, String> options) {
        Checks.notNull("scheduler options", options);
        SchedulerOverrides out = NONE;
        for (Map.Entry<String, String> e : options.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    /** These overrides plus {@code key = value} (replacing an earlier value of the key). */
    public SchedulerOverrides with(String key, String value) {
        Checks.notNull("scheduler option key", key);
        Checks.notNull("value of scheduler option " + key, value);
        JsonNode node = parseValue(value);
        if (key.startsWith("_")) {
            throw new InvalidInputException("scheduler option " + key + " is metadata, not an option; "
                    + "choose the scheduler with the request's scheduler instead");
        }
        if (!node.isNull() && !SchedulerConfigJson.apply(SchedulerConfig.builder(), key, node, "scheduler option")) {
            throw new InvalidInputException("scheduler option " + key + " is unknown or not implemented; expected one of "
                    + "use_karras_sigmas, final_sigmas_type, timestep_spacing, steps_offset, prediction_type, "
                    + "solver_order, algorithm_type, ... (the diffusers scheduler_config.json keys this library implements)");
        }
        Map<String, JsonNode> next = new LinkedHashMap<>(values);
        next.remove(key);
        next.put(key, node);
        return new SchedulerOverrides(Collections.unmodifiableMap(next));
    }

    /** True when there is nothing to override. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The overrides as {@code key -> JSON value text}, in the order they were set. */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toString()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The effective configuration: {@code schedulerConfigJson} (a JSON object) with every override key
     * set; unchanged text when there are no overrides.
     *
     * @throws InvalidInputException if {@code schedulerConfigJson} is not a JSON object
     */
    public String applyTo(String schedulerConfigJson) {
        Checks.notNull("scheduler config JSON", schedulerConfigJson);
        if (values.isEmpty()) {
            return schedulerConfigJson;
        }
        JsonNode root;
        try {
            root = SchedulerConfigJson.mapper().readTree(schedulerConfigJson);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("scheduler config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("scheduler config must be a JSON object");
        }
        ObjectNode merged = ((ObjectNode) root).deepCopy();
        values.forEach(merged::set);
        return merged.toPrettyString();
    }

    private static JsonNode parseValue(String text) {
        String t = text.strip();
        try {
            JsonNode node = SchedulerConfigJson.mapper().readTree(t);
            if (node != null && !node.isMissingNode() && (node.isValueNode() || node.isArray())) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // not JSON: plain text (a name such as "trailing" or "zero")
        }
        return SchedulerConfigJson.mapper().getNodeFactory().textNode(t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulerOverrides other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
