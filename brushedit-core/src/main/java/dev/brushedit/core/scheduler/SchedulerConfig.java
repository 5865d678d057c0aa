package dev.brushedit.core.scheduler;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The keys of a diffusers {@code scheduler_config.json}, with the meaning diffusers gives them.
 *
 * <p>As in diffusers' {@code from_config}, one configuration serves every scheduler: a key a
 * scheduler does not read is ignored by it, and a key that is absent takes the default of the
 * scheduler that reads it (for example {@code timestep_spacing} defaults to {@code leading} for
 * DDIM and to {@code linspace} for Euler). Keys whose default differs between schedulers are
 * therefore optional here; the others have the diffusers default.
 *
 * <p>Keys diffusers knows but this library does not implement (e.g. {@code thresholding},
 * {@code use_beta_sigmas}) are kept; building a scheduler that reads one of them with a
 * non-default value throws {@link InvalidInputException} naming the key. Keys unknown to every
 * scheduler are logged by {@link #fromJson(String)} and ignored.
 *
 * <p>{@code eta} is not a diffusers config key but the DDIM pipeline argument of that name; it is
 * carried here so that {@link SchedulerType#create} can build a DDIM sampler with {@code eta > 0}.
 *
 * <p>Thread-safety: immutable.
 */
public final class SchedulerConfig {

    /** {@code beta_schedule}: how the training betas are spaced. */
    public enum BetaSchedule {
        /** {@code linear}: betas evenly spaced from beta_start to beta_end. */
        LINEAR("linear"),
        /** {@code scaled_linear}: square roots evenly spaced, then squared (Stable Diffusion). */
        SCALED_LINEAR("scaled_linear"),
        /** {@code squaredcos_cap_v2}: the cosine schedule of improved DDPM, betas capped at 0.999. */
        SQUAREDCOS_CAP_V2("squaredcos_cap_v2");

        private final String jsonName;

        BetaSchedule(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The value as written in {@code scheduler_config.json}. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** {@code timestep_spacing}: how inference timesteps are picked from the training range. */
    public enum TimestepSpacing {
        /** {@code leading}: multiples of num_train_timesteps / steps, plus steps_offset. */
        LEADING("leading"),
        /** {@code trailing}: counted down from the last training timestep. */
        TRAILING("trailing"),
        /** {@code linspace}: evenly spaced over [0, num_train_timesteps - 1]. */
        LINSPACE("linspace");

        private final String jsonName;

        TimestepSpacing(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The value as written in {@code scheduler_config.json}. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** {@code prediction_type}: what the model predicts. */
    public enum PredictionType {
        /** {@code epsilon}: the added noise. */
        EPSILON("epsilon"),
        /** {@code v_prediction}: the velocity of Salimans and Ho (2022). */
        V_PREDICTION("v_prediction"),
        /** {@code sample}: the denoised sample itself. */
        SAMPLE("sample");

        private final String jsonName;

        PredictionType(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The value as written in {@code scheduler_config.json}. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** {@code final_sigmas_type}: the noise level after the last step of sigma-based schedulers. */
    public enum FinalSigmasType {
        /** {@code zero}: end on a clean sample. */
        ZERO("zero"),
        /** {@code sigma_min}: end on the smallest training sigma. */
        SIGMA_MIN("sigma_min");

        private final String jsonName;

        FinalSigmasType(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The value as written in {@code scheduler_config.json}. */
        public String jsonName() {
            return jsonName;
        }
    }

    private final String className;
    private final int numTrainTimesteps;
    private final Double betaStart;
    private final Double betaEnd;
    private final BetaSchedule betaSchedule;
    private final double[] trainedBetas;
    private final TimestepSpacing timestepSpacing;
    private final int stepsOffset;
    private final PredictionType predictionType;
    private final Boolean setAlphaToOne;
    private final Boolean clipSample;
    private final double clipSampleRange;
    private final boolean thresholding;
    private final boolean useKarrasSigmas;
    private final boolean rescaleBetasZeroSnr;
    private final FinalSigmasType finalSigmasType;
    private final Integer solverOrder;
    private final String algorithmType;
    private final String solverType;
    private final boolean lowerOrderFinal;
    private final boolean eulerAtFinal;
    private final boolean skipPrkSteps;
    private final int originalInferenceSteps;
    private final double timestepScaling;
    private final String varianceType;
    private final int[] disableCorrector;
    private final Double sigmaMin;
    private final Double sigmaMax;
    private final double eta;
    private final Map<String, Object> otherKeys;

    private SchedulerConfig(Builder b) {
        this.className = b.className;
        this.numTrainTimesteps = b.numTrainTimesteps;
        this.betaStart = b.betaStart;
        this.betaEnd = b.betaEnd;
        this.betaSchedule = b.betaSchedule;
        this.trainedBetas = b.trainedBetas == null ? null : b.trainedBetas.clone();
        this.timestepSpacing = b.timestepSpacing;
        this.stepsOffset = b.stepsOffset;
        this.predictionType = b.predictionType;
        this.setAlphaToOne = b.setAlphaToOne;
        this.clipSample = b.clipSample;
        this.clipSampleRange = b.clipSampleRange;
        this.thresholding = b.thresholding;
        this.useKarrasSigmas = b.useKarrasSigmas;
        this.rescaleBetasZeroSnr = b.rescaleBetasZeroSnr;
        this.finalSigmasType = b.finalSigmasType;
        this.solverOrder = b.solverOrder;
        this.algorithmType = b.algorithmType;
        this.solverType = b.solverType;
        this.lowerOrderFinal = b.lowerOrderFinal;
        this.eulerAtFinal = b.eulerAtFinal;
        this.skipPrkSteps = b.skipPrkSteps;
        this.originalInferenceSteps = b.originalInferenceSteps;
        this.timestepScaling = b.timestepScaling;
        this.varianceType = b.varianceType;
        this.disableCorrector = b.disableCorrector.clone();
        this.sigmaMin = b.sigmaMin;
        this.sigmaMax = b.sigmaMax;
        this.eta = b.eta;
        this.otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.otherKeys));
    }

    // ---------------------------------------------------------------- factories

    /**
     * Stable Diffusion 1.5's shipped {@code scheduler/scheduler_config.json}: PNDM, scaled_linear
     * betas from 0.00085 to 0.012 over 1000 steps, steps_offset 1, set_alpha_to_one false,
     * skip_prk_steps true, clip_sample false.
     */
    public static SchedulerConfig stableDiffusion15() {
        return builder()
                .className(SchedulerType.PNDM.diffusersName())
                .betaStart(0.00085)
                .betaEnd(0.012)
                .betaSchedule(BetaSchedule.SCALED_LINEAR)
                .numTrainTimesteps(1000)
                .setAlphaToOne(false)
                .skipPrkSteps(true)
                .stepsOffset(1)
                .clipSample(false)
                .build();
    }

    /** A builder with every key absent or at its diffusers default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a diffusers {@code scheduler_config.json}. Unknown keys are logged and ignored;
     * {@code _class_name} is kept as {@link #className()}, other keys starting with {@code _} are
     * ignored silently.
     *
     * @throws InvalidInputException when the file cannot be read, is not a JSON object, or a key
     *     has a value of the wrong type or out of range (the message names the key)
     */
    public static SchedulerConfig fromJson(Path file) {
        return SchedulerConfigJson.read(file);
    }

    /** Parses the text of a diffusers {@code scheduler_config.json}; see {@link #fromJson(Path)}. */
    public static SchedulerConfig fromJson(String json) {
        return SchedulerConfigJson.parse(json, "scheduler config");
    }

    // ---------------------------------------------------------------- accessors

    /**
     * {@code _class_name}: the diffusers scheduler the file was saved from (pass it to
     * {@link SchedulerType#fromDiffusersName}); empty when absent.
     */
    public Optional<String> className() {
        return Optional.ofNullable(className);
    }

    /** {@code num_train_timesteps} (default 1000). */
    public int numTrainTimesteps() {
        return numTrainTimesteps;
    }

    /** {@code beta_start}; empty when absent (each scheduler has its own default). */
    public OptionalDouble betaStart() {
        return betaStart == null ? OptionalDouble.empty() : OptionalDouble.of(betaStart);
    }

    /** {@code beta_end}; empty when absent (each scheduler has its own default). */
    public OptionalDouble betaEnd() {
        return betaEnd == null ? OptionalDouble.empty() : OptionalDouble.of(betaEnd);
    }

    /** {@code beta_schedule}; empty when absent ({@code linear}, except {@code scaled_linear} for LCM). */
    public Optional<BetaSchedule> betaSchedule() {
        return Optional.ofNullable(betaSchedule);
    }

    /** {@code trained_betas}: explicit betas that replace the schedule; empty when absent or null. */
    public Optional<double[]> trainedBetas() {
        return trainedBetas == null ? Optional.empty() : Optional.of(trainedBetas.clone());
    }

    /** {@code timestep_spacing}; empty when absent (the default differs between schedulers). */
    public Optional<TimestepSpacing> timestepSpacing() {
        return Optional.ofNullable(timestepSpacing);
    }

    /** {@code steps_offset} (default 0). */
    public int stepsOffset() {
        return stepsOffset;
    }

    /** {@code prediction_type} (default epsilon). */
    public PredictionType predictionType() {
        return predictionType;
    }

    /** {@code set_alpha_to_one}; empty when absent (true for DDIM and LCM, false for PNDM). */
    public Optional<Boolean> setAlphaToOne() {
        return Optional.ofNullable(setAlphaToOne);
    }

    /** {@code clip_sample}; empty when absent (true for DDIM and DDPM, false for the others). */
    public Optional<Boolean> clipSample() {
        return Optional.ofNullable(clipSample);
    }

    /** {@code clip_sample_range} (default 1.0). */
    public double clipSampleRange() {
        return clipSampleRange;
    }

    /** {@code thresholding} (default false; true is not supported and rejected by the schedulers that read it). */
    public boolean thresholding() {
        return thresholding;
    }

    /** {@code use_karras_sigmas} (default false). */
    public boolean useKarrasSigmas() {
        return useKarrasSigmas;
    }

    /** {@code rescale_betas_zero_snr} (default false). */
    public boolean rescaleBetasZeroSnr() {
        return rescaleBetasZeroSnr;
    }

    /** {@code final_sigmas_type} (default zero). */
    public FinalSigmasType finalSigmasType() {
        return finalSigmasType;
    }

    /** {@code solver_order} of the multistep solvers; empty when absent (2). */
    public OptionalInt solverOrder() {
        return solverOrder == null ? OptionalInt.empty() : OptionalInt.of(solverOrder);
    }

    /** {@code algorithm_type} of DPM-Solver (default {@code dpmsolver++}). */
    public String algorithmType() {
        return algorithmType;
    }

    /**
     * {@code solver_type}; empty when absent ({@code midpoint} for DPM-Solver, {@code bh2} for
     * UniPC; each maps the other's values as diffusers does).
     */
    public Optional<String> solverType() {
        return Optional.ofNullable(solverType);
    }

    /** {@code lower_order_final} (default true). */
    public boolean lowerOrderFinal() {
        return lowerOrderFinal;
    }

    /** {@code euler_at_final} of DPM-Solver (default false). */
    public boolean eulerAtFinal() {
        return eulerAtFinal;
    }

    /** {@code skip_prk_steps} of PNDM (default false). */
    public boolean skipPrkSteps() {
        return skipPrkSteps;
    }

    /** {@code original_inference_steps} of LCM (default 50). */
    public int originalInferenceSteps() {
        return originalInferenceSteps;
    }

    /** {@code timestep_scaling} of LCM (default 10.0). */
    public double timestepScaling() {
        return timestepScaling;
    }

    /** {@code variance_type}; empty when absent or null ({@code fixed_small} for DDPM). */
    public Optional<String> varianceType() {
        return Optional.ofNullable(varianceType);
    }

    /** {@code disable_corrector} of UniPC: step indices without the corrector (default none). */
    public int[] disableCorrector() {
        return disableCorrector.clone();
    }

    /** {@code sigma_min} for Karras sigmas of Euler and UniPC; empty when absent or null. */
    public OptionalDouble sigmaMin() {
        return sigmaMin == null ? OptionalDouble.empty() : OptionalDouble.of(sigmaMin);
    }

    /** {@code sigma_max} for Karras sigmas of Euler and UniPC; empty when absent or null. */
    public OptionalDouble sigmaMax() {
        return sigmaMax == null ? OptionalDouble.empty() : OptionalDouble.of(sigmaMax);
    }

    /** DDIM's {@code eta} (the pipeline argument; default 0, deterministic). */
    public double eta() {
        return eta;
    }

    /**
     * Keys that diffusers schedulers read but this library does not implement, with their values
     * as read from JSON (Boolean, Number, String, List or null).
     */
    public Map<String, Object> otherKeys() {
        return otherKeys;
    }

    // ---------------------------------------------------------------- package helpers

    double betaStartOr(double dflt) {
        return betaStart == null ? dflt : betaStart;
    }

    double betaEndOr(double dflt) {
        return betaEnd == null ? dflt : betaEnd;
    }

    BetaSchedule betaScheduleOr(BetaSchedule dflt) {
        return betaSchedule == null ? dflt : betaSchedule;
    }

    double[] trainedBetasOrNull() {
        return trainedBetas;
    }

    TimestepSpacing timestepSpacingOr(TimestepSpacing dflt) {
        return timestepSpacing == null ? dflt : timestepSpacing;
    }

    boolean setAlphaToOneOr(boolean dflt) {
        return setAlphaToOne == null ? dflt : setAlphaToOne;
    }

    boolean clipSampleOr(boolean dflt) {
        return clipSample == null ? dflt : clipSample;
    }

    int solverOrderOr(int dflt) {
        return solverOrder == null ? dflt : solverOrder;
    }

    String solverTypeOrNull() {
        return solverType;
    }

    String varianceTypeOrNull() {
        return varianceType;
    }

    Double sigmaMinOrNull() {
        return sigmaMin;
    }

    Double sigmaMaxOrNull() {
        return sigmaMax;
    }

    // ---------------------------------------------------------------- object

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SchedulerConfig)) {
            return false;
        }
        SchedulerConfig c = (SchedulerConfig) o;
        return Objects.equals(className, c.className) && numTrainTimesteps == c.numTrainTimesteps
                && Objects.equals(betaStart, c.betaStart)
                && Objects.equals(betaEnd, c.betaEnd) && betaSchedule == c.betaSchedule
                && Arrays.equals(trainedBetas, c.trainedBetas) && timestepSpacing == c.timestepSpacing
                && stepsOffset == c.stepsOffset && predictionType == c.predictionType
                && Objects.equals(setAlphaToOne, c.setAlphaToOne) && Objects.equals(clipSample, c.clipSample)
                && clipSampleRange == c.clipSampleRange && thresholding == c.thresholding
                && useKarrasSigmas == c.useKarrasSigmas && rescaleBetasZeroSnr == c.rescaleBetasZeroSnr
                && finalSigmasType == c.finalSigmasType && Objects.equals(solverOrder, c.solverOrder)
                && algorithmType.equals(c.algorithmType) && Objects.equals(solverType, c.solverType)
                && lowerOrderFinal == c.lowerOrderFinal && eulerAtFinal == c.eulerAtFinal
                && skipPrkSteps == c.skipPrkSteps && originalInferenceSteps == c.originalInferenceSteps
                && timestepScaling == c.timestepScaling && Objects.equals(varianceType, c.varianceType)
                && Arrays.equals(disableCorrector, c.disableCorrector) && Objects.equals(sigmaMin, c.sigmaMin)
                && Objects.equals(sigmaMax, c.sigmaMax) && eta == c.eta && otherKeys.equals(c.otherKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numTrainTimesteps, betaStart, betaEnd, betaSchedule, timestepSpacing, stepsOffset,
                predictionType, setAlphaToOne, clipSample, useKarrasSigmas, solverOrder, solverType, eta);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SchedulerConfig{");
        if (className != null) {
            s.append("_class_name=").append(className).append(", ");
        }
        s.append("num_train_timesteps=").append(numTrainTimesteps);
        append(s, "beta_start", betaStart);
        append(s, "beta_end", betaEnd);
        append(s, "beta_schedule", betaSchedule == null ? null : betaSchedule.jsonName());
        append(s, "trained_betas", trainedBetas == null ? null : trainedBetas.length + " values");
        append(s, "timestep_spacing", timestepSpacing == null ? null : timestepSpacing.jsonName());
        s.append(", steps_offset=").append(stepsOffset);
        s.append(", prediction_type=").append(predictionType.jsonName());
        append(s, "set_alpha_to_one", setAlphaToOne);
        append(s, "clip_sample", clipSample);
        s.append(", use_karras_sigmas=").append(useKarrasSigmas);
        append(s, "solver_order", solverOrder);
        append(s, "solver_type", solverType);
        if (eta != 0) {
            s.append(", eta=").append(eta);
        }
        if (!otherKeys.isEmpty()) {
            s.append(", other=").append(otherKeys);
        }
        return s.append('}').toString();
    }

    private static void append(StringBuilder s, String key, Object value) {
        if (value != null) {
            s.append(", ").append(key).append('=').append(value);
        }
    }

    // ---------------------------------------------------------------- builder

    /**
     * Builds a {@link SchedulerConfig}. Each setter checks its value and throws
     * {@link InvalidInputException} naming the key; {@link #build()} rejects conflicting keys.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private String className;
        private int numTrainTimesteps = 1000;
        private Double betaStart;
        private Double betaEnd;
        private BetaSchedule betaSchedule;
        private double[] trainedBetas;
        private TimestepSpacing timestepSpacing;
        private int stepsOffset;
        private PredictionType predictionType = PredictionType.EPSILON;
        private Boolean setAlphaToOne;
        private Boolean clipSample;
        private double clipSampleRange = 1.0;
        private boolean thresholding;
        private boolean useKarrasSigmas;
        private boolean rescaleBetasZeroSnr;
        private FinalSigmasType finalSigmasType = FinalSigmasType.ZERO;
        private Integer solverOrder;
        private String algorithmType = "dpmsolver++";
        private String solverType;
        private boolean lowerOrderFinal = true;
        private boolean eulerAtFinal;
        private boolean skipPrkSteps;
        private int originalInferenceSteps = 50;
        private double timestepScaling = 10.0;
        private String varianceType;
        private int[] disableCorrector = new int[0];
        private Double sigmaMin;
        private Double sigmaMax;
        private double eta;
        private final Map<String, Object> otherKeys = new LinkedHashMap<>();

        private Builder() {}

        private Builder(SchedulerConfig c) {
            className = c.className;
            numTrainTimesteps = c.numTrainTimesteps;
            betaStart = c.betaStart;
            betaEnd = c.betaEnd;
            betaSchedule = c.betaSchedule;
            trainedBetas = c.trainedBetas == null ? null : c.trainedBetas.clone();
            timestepSpacing = c.timestepSpacing;
            stepsOffset = c.stepsOffset;
            predictionType = c.predictionType;
            setAlphaToOne = c.setAlphaToOne;
            clipSample = c.clipSample;
            clipSampleRange = c.clipSampleRange;
            thresholding = c.thresholding;
            useKarrasSigmas = c.useKarrasSigmas;
            rescaleBetasZeroSnr = c.rescaleBetasZeroSnr;
            finalSigmasType = c.finalSigmasType;
            solverOrder = c.solverOrder;
            algorithmType = c.algorithmType;
            solverType = c.solverType;
            lowerOrderFinal = c.lowerOrderFinal;
            eulerAtFinal = c.eulerAtFinal;
            skipPrkSteps = c.skipPrkSteps;
            originalInferenceSteps = c.originalInferenceSteps;
            timestepScaling = c.timestepScaling;
            varianceType = c.varianceType;
            disableCorrector = c.disableCorrector.clone();
            sigmaMin = c.sigmaMin;
            sigmaMax = c.sigmaMax;
            eta = c.eta;
            otherKeys.putAll(c.otherKeys);
        }

        /** {@code _class_name}, e.g. {@code "PNDMScheduler"}, or null for none; informational only. */
        public Builder className(String value) {
            if (value != null) {
                Checks.notBlank("_class_name", value);
            }
            className = value;
            return this;
        }

        /** {@code num_train_timesteps}, 1 to 100000. */
        public Builder numTrainTimesteps(int value) {
            numTrainTimesteps = Checks.inRange("num_train_timesteps", value, 1, 100_000);
            return this;
        }

        /** {@code beta_start}, in [0, 1). */
        public Builder betaStart(double value) {
            betaStart = beta("beta_start", value);
            return this;
        }

        /** {@code beta_end}, in [0, 1). */
        public Builder betaEnd(double value) {
            betaEnd = beta("beta_end", value);
            return this;
        }

        /** {@code beta_schedule}. */
        public Builder betaSchedule(BetaSchedule value) {
            betaSchedule = Checks.notNull("beta_schedule", value);
            return this;
        }

        /** {@code trained_betas}: one beta in [0, 1) per training step, or null for none. */
        public Builder trainedBetas(double[] values) {
            if (values == null) {
                trainedBetas = null;
                return this;
            }
            if (values.length == 0) {
                throw new InvalidInputException("trained_betas must hold one beta per training step, was empty");
            }
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] >= 0 && values[i] < 1)) {
                    throw new InvalidInputException("trained_betas[" + i + "] must be in [0, 1), was " + values[i]);
                }
            }
            trainedBetas = values.clone();
            return this;
        }

        /** {@code timestep_spacing}. */
        public Builder timestepSpacing(TimestepSpacing value) {
            timestepSpacing = Checks.notNull("timestep_spacing", value);
            return this;
        }

        /** {@code steps_offset}, 0 or more. */
        public Builder stepsOffset(int value) {
            stepsOffset = Checks.inRange("steps_offset", value, 0, 100_000);
            return this;
        }

        /** {@code prediction_type}. */
        public Builder predictionType(PredictionType value) {
            predictionType = Checks.notNull("prediction_type", value);
            return this;
        }

        /** {@code set_alpha_to_one}. */
        public Builder setAlphaToOne(boolean value) {
            setAlphaToOne = value;
            return this;
        }

        /** {@code clip_sample}. */
        public Builder clipSample(boolean value) {
            clipSample = value;
            return this;
        }

        /** {@code clip_sample_range}, positive. */
        public Builder clipSampleRange(double value) {
            Checks.finite("clip_sample_range", value);
            if (value <= 0) {
                throw new InvalidInputException("clip_sample_range must be positive, was " + value);
            }
            clipSampleRange = value;
            return this;
        }

        /** {@code thresholding}; true is accepted here but rejected by schedulers (not implemented). */
        public Builder thresholding(boolean value) {
            thresholding = value;
            return this;
        }

        /** {@code use_karras_sigmas}. */
        public Builder useKarrasSigmas(boolean value) {
            useKarrasSigmas = value;
            return this;
        }

        /** {@code rescale_betas_zero_snr}. */
        public Builder rescaleBetasZeroSnr(boolean value) {
            rescaleBetasZeroSnr = value;
            return this;
        }

        /** {@code final_sigmas_type}. */
        public Builder finalSigmasType(FinalSigmasType value) {
            finalSigmasType = Checks.notNull("final_sigmas_type", value);
            return this;
        }

        /** {@code solver_order} of the multistep solvers, 1 to 3. */
        public Builder solverOrder(int value) {
            solverOrder = Checks.inRange("solver_order", value, 1, 3);
            return this;
        }

        /** {@code algorithm_type} of DPM-Solver: {@code dpmsolver++} (or {@code deis}, which diffusers maps to it). */
        public Builder algorithmType(String value) {
            Checks.notBlank("algorithm_type", value);
            if (!value.equals("dpmsolver++") && !value.equals("deis")) {
                throw new InvalidInputException("algorithm_type must be one of [dpmsolver++, deis], was \"" + value
                        + "\" (dpmsolver, sde-dpmsolver and sde-dpmsolver++ are not supported)");
            }
            algorithmType = value;
            return this;
        }

        /** {@code solver_type}: {@code midpoint}, {@code heun}, {@code logrho}, {@code bh1} or {@code bh2}. */
        public Builder solverType(String value) {
            Checks.notBlank("solver_type", value);
            if (!Arrays.asList("midpoint", "heun", "logrho", "bh1", "bh2").contains(value)) {
                throw new InvalidInputException(
                        "solver_type must be one of [midpoint, heun, logrho, bh1, bh2], was \"" + value + "\"");
            }
            solverType = value;
            return this;
        }

        /** {@code lower_order_final}. */
        public Builder lowerOrderFinal(boolean value) {
            lowerOrderFinal = value;
            return this;
        }

        /** {@code euler_at_final} of DPM-Solver. */
        public Builder eulerAtFinal(boolean value) {
            eulerAtFinal = value;
            return this;
        }

        /** {@code skip_prk_steps} of PNDM. */
        public Builder skipPrkSteps(boolean value) {
            skipPrkSteps = value;
            return this;
        }

        /** {@code original_inference_steps} of LCM, 1 or more. */
        public Builder originalInferenceSteps(int value) {
            originalInferenceSteps = Checks.inRange("original_inference_steps", value, 1, 100_000);
            return this;
        }

        /** {@code timestep_scaling} of LCM, positive. */
        public Builder timestepScaling(double value) {
            Checks.finite("timestep_scaling", value);
            if (value <= 0) {
                throw new InvalidInputException("timestep_scaling must be positive, was " + value);
            }
            timestepScaling = value;
            return this;
        }

        /**
         * {@code variance_type}: {@code fixed_small}, {@code fixed_small_log}, {@code fixed_large},
         * {@code fixed_large_log}, {@code learned} or {@code learned_range}, or null for none.
         */
        public Builder varianceType(String value) {
            if (value != null && !Arrays.asList("fixed_small", "fixed_small_log", "fixed_large", "fixed_large_log",
                    "learned", "learned_range").contains(value)) {
                throw new InvalidInputException("variance_type must be one of [fixed_small, fixed_small_log, "
                        + "fixed_large, fixed_large_log, learned, learned_range] or null, was \"" + value + "\"");
            }
            varianceType = value;
            return this;
        }

        /** {@code disable_corrector} of UniPC: step indices (0 or more) that skip the corrector. */
        public Builder disableCorrector(int... indices) {
            Checks.notNull("disable_corrector", indices);
            for (int i : indices) {
                if (i < 0) {
                    throw new InvalidInputException("disable_corrector entries must be 0 or more, were "
                            + Arrays.toString(indices));
                }
            }
            disableCorrector = indices.clone();
            return this;
        }

        /** {@code sigma_min} for Karras sigmas, positive, or null for the schedule's own. */
        public Builder sigmaMin(Double value) {
            sigmaMin = sigma("sigma_min", value);
            return this;
        }

        /** {@code sigma_max} for Karras sigmas, positive, or null for the schedule's own. */
        public Builder sigmaMax(Double value) {
            sigmaMax = sigma("sigma_max", value);
            return this;
        }

        /** DDIM's {@code eta} in [0, 1]: 0 is deterministic DDIM, 1 is DDPM-like noise. */
        public Builder eta(double value) {
            eta = Checks.inRange("eta", value, 0.0, 1.0);
            return this;
        }

        /**
         * Records a diffusers key this library does not implement (see {@link #otherKeys()}); the
         * schedulers that read it reject non-default values when built.
         */
        public Builder otherKey(String key, Object value) {
            Checks.notBlank("key", key);
            otherKeys.put(key, value);
            return this;
        }

        /**
         * The configuration.
         *
         * @throws InvalidInputException when trained_betas' length differs from
         *     num_train_timesteps, or sigma_min is not below sigma_max
         */
        public SchedulerConfig build() {
            if (trainedBetas != null && trainedBetas.length != numTrainTimesteps) {
                throw new InvalidInputException("trained_betas must hold num_train_timesteps (" + numTrainTimesteps
                        + ") values, held " + trainedBetas.length);
            }
            if (sigmaMin != null && sigmaMax != null && sigmaMin >= sigmaMax) {
                throw new InvalidInputException("sigma_min must be below sigma_max, were " + sigmaMin + " and "
                        + sigmaMax);
            }
            return new SchedulerConfig(this);
        }

        private static double beta(String key, double value) {
            if (!(value >= 0 && value < 1)) {
                throw new InvalidInputException(key + " must be in [0, 1), was " + value);
            }
            return value;
        }

        private static Double sigma(String key, Double value) {
            if (value != null && !(value > 0 && Double.isFinite(value))) {
                throw new InvalidInputException(key + " must be positive and finite or null, was " + value);
            }
            return value;
        }
    }
}
