package dev.brushedit.inpaint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a result was made, enough to reproduce it: the backend, the SHA-256 of every model file used,
 * the scheduler and its configuration, the steps, the seed, the scales, the strategy, and the time
 * each stage took.
 *
 * <p>Thread-safety: immutable.
 *
 * @param backend the inpainting backend, e.g. {@code "brushnet-fused"}, {@code "brushnet"},
 *     {@code "sd-inpainting"} or {@code "patchmatch"}
 * @param modelHashes model file (relative path) to its SHA-256, in hex
 * @param scheduler the scheduler's diffusers class name, or empty for backends without one
 * @param schedulerConfig the scheduler configuration as JSON, or empty
 * @param request the request as given, with the seed actually used filled in
 * @param workRegion the region the model worked on, e.g. {@code "crop (0,0)-(512,512) at 512x512"}
 * @param stageTimings time per stage (text encoding, VAE encode, denoise, decode, blend...), in order
 * @param createdAt when the result was produced, from the inpainter's clock
 * @param settings backend settings the request has no field for, by name (e.g. InstructPix2Pix's
 *     {@code imageGuidanceScale}); empty for the inpainting backends
 */
public record Provenance(
        String backend,
        Map<String, String> modelHashes,
        String scheduler,
        String schedulerConfig,
        InpaintRequest request,
        String workRegion,
        Map<String, Duration> stageTimings,
        Instant createdAt,
        Map<String, String> settings) {

    /** Copies the maps so the record stays immutable. */
    public Provenance {
        modelHashes = Collections.unmodifiableMap(new LinkedHashMap<>(modelHashes));
        stageTimings = Collections.unmodifiableMap(new LinkedHashMap<>(stageTimings));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A provenance without backend settings beyond the request. */
    public Provenance(String backend, Map<String, String> modelHashes, String scheduler, String schedulerConfig,
            InpaintRequest request, String workRegion, Map<String, Duration> stageTimings, Instant createdAt) {
        this(backend, modelHashes, scheduler, schedulerConfig, request, workRegion, stageTimings, createdAt, Map.of());
    }

    /** The seed used. */
    public long seed() {
        return request.seed().orElseThrow();
    }

    /** Total time over all stages. */
    public Duration totalTime() {
        return stageTimings.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
