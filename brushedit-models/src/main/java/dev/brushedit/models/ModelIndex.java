package dev.brushedit.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint's {@code model_index.json}, typed: the pipeline class, the diffusers version, the
 * components and the exporter's own record. Provenance only: the SDK never picks a flavour from it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param pipelineClass {@code _class_name}, e.g. {@code ORTStableDiffusionPipeline}; empty when absent
 * @param diffusersVersion {@code _diffusers_version}; empty when absent
 * @param components component name to {@code library.Class} (e.g. {@code unet} to
 *     {@code diffusers.UNet2DConditionModel}), for the components that name one
 * @param exporter the {@code brushedit} section written by our exporter (key to its value as text);
 *     empty for folders from other exporters
 */
public record ModelIndex(String pipelineClass, String diffusersVersion, Map<String, String> components,
        Map<String, String> exporter) {

    /** Copies the maps, keeping their order. */
    public ModelIndex {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        exporter = Collections.unmodifiableMap(new LinkedHashMap<>(exporter));
    }

    static ModelIndex of(JsonNode root) {
        Map<String, String> components = new LinkedHashMap<>();
        Map<String, String> exporter = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() == 2 && v.get(0).isTextual() && v.get(1).isTextual()) {
                components.put(e.getKey(), v.get(0).asText() + "." + v.get(1).asText());
            }
        }
        JsonNode own = root.path("brushedit");
        for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            exporter.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return new ModelIndex(root.path("_class_name").asText(""), root.path("_diffusers_version").asText(""), components,
                exporter);
    }
}
