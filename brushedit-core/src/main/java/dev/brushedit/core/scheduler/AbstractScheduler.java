package dev.brushedit.core.scheduler;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;
import dev.brushedit.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * The part every scheduler shares: argument checks, the schedule shortened for a strength start
 * (diffusers' {@code get_timesteps} plus {@code set_begin_index}), and the step position.
 */
abstract class AbstractScheduler implements Scheduler {
    private static final Map<String, Object> OTHER_KEY_DEFAULTS = Map.ofEntries(
            Map.entry("use_exponential_sigmas", false), Map.entry("use_beta_sigmas", false),
            Map.entry("use_flow_sigmas", false), Map.entry("use_lu_lambdas", false),
            Map.entry("use_dynamic_shifting", false), Map.entry("interpolation_type", "linear"),
            Map.entry("timestep_type", "discrete"), Map.entry("predict_x0", true),
            Map.entry("lambda_min_clipped", Double.NEGATIVE_INFINITY));

    final SchedulerType type;
    final SchedulerConfig config;
    final int numTrain;
    /** Full inference schedule (diffusers' {@code self.timesteps}); null until setTimesteps. */
    float[] schedule;
    /** Index of the first timestep of a strength start. */
    int beginIndex;
    /** Index into {@link #schedule} of the next model evaluation (diffusers' step_index). */
    int stepIndex;
    /** The steps argument of the last setTimesteps. */
    int numInferenceSteps;
    /** Sigmas of the full schedule plus the final one, for the sigma-based schedulers. */
    float[] sigmas;

    AbstractScheduler(SchedulerType type, SchedulerConfig config) {
        this.type = type;
        this.config = Checks.notNull("config", config);
        this.numTrain = config.numTrainTimesteps();
    }

    // ---------------------------------------------------------------- config checks for subclasses

    /** Rejects unimplemented keys this scheduler reads when they have a non-default value. */
    final void requireDefaults(String... otherKeys) {
        for (String key : otherKeys) {
            if (config.otherKeys().containsKey(key)) {
                Object value = config.otherKeys().get(key);
                Object dflt = OTHER_KEY_DEFAULTS.get(key);
                boolean same = value == null ? dflt == null
                        : value instanceof Number && dflt instanceof Number
                                ? ((Number) value).doubleValue() == ((Number) dflt).doubleValue()
                                : value.equals(dflt);
                if (!same) {
                    throw unsupported(key, value, dflt);
                }
            }
        }
    }

    final void requireNoThresholding() {
        if (config.thresholding()) {
            throw unsupported("thresholding", true, false);
        }
    }

    final void requirePrediction(PredictionType... supported) {
        if (!Arrays.asList(supported).contains(config.predictionType())) {
            throw new InvalidInputException(type.diffusersName() + " does not support scheduler_config key "
                    + "'prediction_type' = \"" + config.predictionType().jsonName() + "\"; supported: "
                    + Arrays.toString(Arrays.stream(supported).map(PredictionType::jsonName).toArray()));
        }
    }

    final InvalidInputException unsupported(String key, Object value, Object supported) {
        return new InvalidInputException(type.diffusersName() + " does not support scheduler_config key '" + key
                + "' = " + value + "; only " + supported + " is supported");
    }

    // ---------------------------------------------------------------- Scheduler

    @Override
    public final SchedulerType type() {
        return type;
    }

    @Override
    public final SchedulerConfig config() {
        return config;
    }

    @Override
    public final void setTimesteps(int steps, double strength) {
        Checks.inRange("steps", steps, 1, numTrain);
        if (!(strength > 0 && strength <= 1)) {
            throw new InvalidInputException("strength must be in (0, 1], was " + strength);
        }
        int initTimestep = Math.min((int) (steps * strength), steps);
        int tStart = Math.max(steps - initTimestep, 0);
        if (initTimestep < 1) { // diffusers' inpainting pipeline rejects this too
            throw new InvalidInputException("strength " + strength + " leaves no denoising step out of " + steps
                    + ": steps * strength must be at least 1");
        }
        float[] full = computeSchedule(steps);
        int begin = tStart * modelEvaluationsPerStep();
        if (begin >= full.length) {
            throw new InvalidInputException("strength " + strength + " leaves no denoising step out of " + steps
                    + ": steps * strength must be at least 1");
        }
        schedule = full;
        numInferenceSteps = steps;
        beginIndex = begin;
        stepIndex = begin;
    }

    @Override
    public final float[] timesteps() {
        requireSchedule("timesteps");
        return Arrays.copyOfRange(schedule, beginIndex, schedule.length);
    }

    @Override
    public float[] sigmas() {
        requireSchedule("sigmas");
        return sigmas.clone();
    }

    /** Stores float32 copies of {@code sig} followed by {@code last} as the schedule's sigmas. */
    final void setSigmas(double[] sig, double last) {
        sigmas = new float[sig.length + 1];
        for (int i = 0; i < sig.length; i++) {
            sigmas[i] = (float) sig[i];
        }
        sigmas[sig.length] = (float) last;
    }

    @Override
    public int modelEvaluationsPerStep() {
        return 1;
    }

    @Override
    public final Tensor scaleModelInput(Tensor sample, float timestep) {
        Checks.notNull("sample", sample);
        int index = expectTimestep(timestep);
        return scale(sample, index);
    }

    @Override
    public final Tensor step(Tensor modelOutput, float timestep, Tensor sample, RandomSource random) {
        Checks.notNull("modelOutput", modelOutput);
        Checks.notNull("sample", sample);
        if (!Arrays.equals(modelOutput.shape(), sample.shape())) {
            throw new InvalidInputException("modelOutput and sample must have the same shape, got "
                    + Arrays.toString(modelOutput.shape()) + " and " + Arrays.toString(sample.shape()));
        }
        int index = expectTimestep(timestep);
        if (random == null && drawsNoise()) {
            throw new InvalidInputException("random must not be null: " + type.diffusersName()
                    + " draws noise at each step");
        }
        float[] out = stepArrays(modelOutput.toArray(), timestep, sample.toArray(), index, random, sample.shape());
        stepIndex = index + 1;
        return Tensor.of(out, sample.shape());
    }

    @Override
    public final Tensor addNoise(Tensor original, Tensor noise, float timestep) {
        Checks.notNull("original", original);
        Checks.notNull("noise", noise);
        if (!Arrays.equals(original.shape(), noise.shape())) {
            throw new InvalidInputException("original and noise must have the same shape, got "
                    + Arrays.toString(original.shape()) + " and " + Arrays.toString(noise.shape()));
        }
        float[] ab = noiseCoefficients(timestep);
        float a = ab[0];
        float b = ab[1];
        float[] o = original.toArray();
        float[] n = noise.toArray();
        for (int i = 0; i < o.length; i++) {
            o[i] = a * o[i] + b * n[i];
        }
        return Tensor.of(o, original.shape());
    }

    // ---------------------------------------------------------------- for subclasses

    /** Computes the full schedule for {@code steps} and resets all step state. */
    abstract float[] computeSchedule(int steps);

    /** The model input at schedule position {@code index}; identity by default. */
    Tensor scale(Tensor sample, int index) {
        return sample;
    }

    /** Whether {@link #step} draws noise (then a RandomSource is required). */
    boolean drawsNoise() {
        return false;
    }

    /** The step on flat arrays; {@code index} is the validated schedule position. */
    abstract float[] stepArrays(float[] modelOutput, float timestep, float[] sample, int index,
            RandomSource random, int[] shape);

    /** {a, b} such that add_noise is {@code a * original + b * noise} at {@code timestep}. */
    abstract float[] noiseCoefficients(float timestep);

    /** Draws unit noise of {@code shape} from {@code random} as a flat array. */
    static float[] draw(RandomSource random, int[] shape, int size) {
        Tensor t = random.randn(shape);
        if (t == null || t.size() != size) {
            throw new InvalidInputException("random source returned " + (t == null ? "null" : t.toString())
                    + " for shape " + Arrays.toString(shape));
        }
        return t.toArray();
    }

    /** Position of {@code timestep} for sigma lookups in add_noise (diffusers' begin/step index rules). */
    final int indexForNoise(float timestep) {
        requireSchedule("addNoise");
        if (stepIndex < schedule.length && schedule[stepIndex] == timestep) {
            return stepIndex;
        }
        int first = -1;
        for (int i = 0; i < schedule.length; i++) {
            if (schedule[i] == timestep) {
                if (first >= 0) {
                    return i;
                }
                first = i;
            }
        }
        if (first < 0) {
            throw notInSchedule(timestep);
        }
        return first;
    }

    final void requireSchedule(String what) {
        if (schedule == null) {
            throw new InvalidInputException(type.diffusersName() + ": call setTimesteps before " + what);
        }
    }

    private int expectTimestep(float timestep) {
        requireSchedule("scaleModelInput or step");
        if (stepIndex >= schedule.length) {
            throw new InvalidInputException(type.diffusersName() + ": all " + (schedule.length - beginIndex)
                    + " timesteps of the schedule have been stepped; call setTimesteps to start again");
        }
        if (schedule[stepIndex] != timestep) {
            for (float t : schedule) {
                if (t == timestep) {
                    throw new InvalidInputException("timestep " + timestep + " is out of order: the next timestep of "
                            + "the schedule is " + schedule[stepIndex]);
                }
            }
            throw notInSchedule(timestep);
        }
        return stepIndex;
    }

    private InvalidInputException notInSchedule(float timestep) {
        return new InvalidInputException("timestep " + timestep + " is not in the schedule "
                + Arrays.toString(timesteps()));
    }
}
