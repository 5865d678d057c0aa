package dev.brushedit.core.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.brushedit.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a diffusers {@code scheduler_config.json} into a {@link SchedulerConfig}. */
final class SchedulerConfigJson {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerConfigJson.class);
    /** Python's json module writes -Infinity (lambda_min_clipped) and NaN literals; accept them. */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Keys some diffusers scheduler reads that this library keeps but does not implement. */
    static final Set<String> OTHER_KEYS = Set.of("dynamic_thresholding_ratio", "sample_max_value",
            "use_exponential_sigmas", "use_beta_sigmas", "use_flow_sigmas", "flow_shift", "use_lu_lambdas",
            "lambda_min_clipped", "interpolation_type", "timestep_type", "predict_x0", "solver_p",
            "use_dynamic_shifting", "time_shift_type", "shift_terminal", "base_image_seq_len", "max_image_seq_len",
            "base_shift", "max_shift", "invert_sigmas", "s_noise", "sigma_data", "rho");

    private SchedulerConfigJson() {}

    static SchedulerConfig read(Path file) {
        if (file == null) {
            throw new InvalidInputException("scheduler config path must not be null");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read scheduler config " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static SchedulerConfig parse(String json, String source) {
        if (json == null) {
            throw new InvalidInputException("scheduler config JSON must not be null");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + " must be a JSON object, was "
                    + (root == null ? "empty" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        SchedulerConfig.Builder b = SchedulerConfig.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("_class_name") && v.isTextual()) {
                b.className(v.asText());
                continue;
            }
            if (key.startsWith("_")) {
                continue;
            }
            if (v.isNull() && !OTHER_KEYS.contains(key)) {
                continue; // null means "use the scheduler's default", as for trained_betas: null
            }
            apply(b, key, v, source);
        }
        return b.build();
    }

    /**
     * Applies {@code key} to {@code b}; false when the key is kept verbatim ({@link #OTHER_KEYS}) or
     * unknown (logged), i.e. when it changes nothing this library computes.
     */
    static boolean apply(SchedulerConfig.Builder b, String key, JsonNode v, String source) {
        switch (key) {
            case "num_train_timesteps": b.numTrainTimesteps(integer(key, v)); break;
            case "beta_start": b.betaStart(number(key, v)); break;
            case "beta_end": b.betaEnd(number(key, v)); break;
            case "beta_schedule": b.betaSchedule(choice(key, v, SchedulerConfig.BetaSchedule.values())); break;
            case "trained_betas": b.trainedBetas(numbers(key, v)); break;
            case "timestep_spacing":
                b.timestepSpacing(choice(key, v, SchedulerConfig.TimestepSpacing.values()));
                break;
            case "steps_offset": b.stepsOffset(integer(key, v)); break;
            case "prediction_type":
                b.predictionType(choice(key, v, SchedulerConfig.PredictionType.values()));
                break;
            case "set_alpha_to_one": b.setAlphaToOne(bool(key, v)); break;
            case "clip_sample": b.clipSample(bool(key, v)); break;
            case "clip_sample_range": b.clipSampleRange(number(key, v)); break;
            case "thresholding": b.thresholding(bool(key, v)); break;
            case "use_karras_sigmas": b.useKarrasSigmas(bool(key, v)); break;
            case "rescale_betas_zero_snr": b.rescaleBetasZeroSnr(bool(key, v)); break;
            case "final_sigmas_type":
                b.finalSigmasType(choice(key, v, SchedulerConfig.FinalSigmasType.values()));
                break;
            case "solver_order": b.solverOrder(integer(key, v)); break;
            case "algorithm_type": b.algorithmType(text(key, v)); break;
            case "solver_type": b.solverType(text(key, v)); break;
            case "lower_order_final": b.lowerOrderFinal(bool(key, v)); break;
            case "euler_at_final": b.eulerAtFinal(bool(key, v)); break;
            case "skip_prk_steps": b.skipPrkSteps(bool(key, v)); break;
            case "original_inference_steps": b.originalInferenceSteps(integer(key, v)); break;
            case "timestep_scaling": b.timestepScaling(number(key, v)); break;
            case "variance_type": b.varianceType(text(key, v)); break;
            case "disable_corrector": b.disableCorrector(integers(key, v)); break;
            case "sigma_min": b.sigmaMin(number(key, v)); break;
            case "sigma_max": b.sigmaMax(number(key, v)); break;
            default:
                if (OTHER_KEYS.contains(key)) {
                    b.otherKey(key, MAPPER.convertValue(v, Object.class));
                } else {
                    LOG.warn("{}: ignoring unknown scheduler_config key '{}'", source, key);
                }
                return false;
        }
        return true;
    }

    /** The shared reader (non-numeric numbers allowed, as diffusers writes them). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static int integer(String key, JsonNode v) {
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw typeError(key, "an integer", v);
        }
        if (!v.canConvertToInt()) {
            throw new InvalidInputException("scheduler_config key '" + key + "' is out of the int range, was " + v);
        }
        return v.asInt();
    }

    private static double number(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw typeError(key, "a number", v);
        }
        return v.asDouble();
    }

    private static boolean bool(String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw typeError(key, "true or false", v);
        }
        return v.asBoolean();
    }

    private static String text(String key, JsonNode v) {
        if (!v.isTextual()) {
            throw typeError(key, "a string", v);
        }
        return v.asText();
    }

    private static double[] numbers(String key, JsonNode v) {
        if (!v.isArray()) {
            throw typeError(key, "an array of numbers", v);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(key + "[" + i + "]", v.get(i));
        }
        return out;
    }

    private static int[] integers(String key, JsonNode v) {
        if (!v.isArray()) {
            throw typeError(key, "an array of integers", v);
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(key + "[" + i + "]", v.get(i));
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(String key, JsonNode v, E[] values) {
        String s = text(key, v);
        List<String> names = new ArrayList<>();
        for (E e : values) {
            String name = jsonName(e);
            if (name.equals(s)) {
                return e;
            }
            names.add(name);
        }
        throw new InvalidInputException("scheduler_config key '" + key + "' must be one of " + names + ", was \""
                + s + "\"");
    }

    private static String jsonName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT); // each config enum's jsonName()
    }

    private static InvalidInputException typeError(String key, String expected, JsonNode v) {
        return new InvalidInputException("scheduler_config key '" + key + "' must be " + expected + ", was " + v);
    }
}
