package dev.brushedit.core.scheduler;

import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;

/**
 * The exponential-integrator multistep solvers (DPM-Solver++, UniPC): integer timesteps, sigmas
 * converted to (alpha_t, sigma_t) and log-SNR lambda, and a history of x0 predictions.
 */
abstract class MultistepScheduler extends AbstractScheduler {
    final float[] trainSigmas;
    final int order;
    /** x0 predictions, oldest first; entry {@code order - 1} is the newest. */
    float[][] modelOutputs;
    int lowerOrderNums;

    MultistepScheduler(SchedulerType type, SchedulerConfig config) {
        super(type, config);
        float[] ac = Schedules.alphasCumprod(config, 0.0001, 0.02, BetaSchedule.LINEAR, true);
        if (config.rescaleBetasZeroSnr()) {
            ac[ac.length - 1] = (float) Math.pow(2, -24);
        }
        trainSigmas = Schedules.sigmasFromAlphasCumprod(ac);
        order = config.solverOrderOr(2);
        requireNoThresholding();
        requireDefaults("use_exponential_sigmas", "use_beta_sigmas", "use_flow_sigmas", "use_dynamic_shifting");
    }

    /**
     * Integer timesteps and float32 sigmas (with the final sigma) of diffusers' multistep
     * set_timesteps. {@code roundKarras}: whether Karras timesteps are rounded;
     * {@code karrasLastIsMin}: whether sigma_min means the last Karras sigma (UniPC) rather than
     * the smallest training sigma (DPM-Solver).
     */
    final float[] buildSchedule(int steps, boolean roundKarras, boolean karrasLastIsMin, Double sigmaMin,
            Double sigmaMax) {
        TimestepSpacing spacing = config.timestepSpacingOr(TimestepSpacing.LINSPACE);
        double[] t;
        if (spacing == TimestepSpacing.TRAILING) {
            t = Schedules.spacedTimesteps(spacing, numTrain, steps, config.stepsOffset(), true);
        } else {
            double[] all = Schedules.spacedTimesteps(spacing, numTrain, steps + 1, config.stepsOffset(), true);
            t = java.util.Arrays.copyOf(all, steps);
        }
        double[] sig;
        boolean karras = config.useKarrasSigmas();
        if (karras) {
            double min = sigmaMin != null ? sigmaMin : trainSigmas[0];
            double max = sigmaMax != null ? sigmaMax : trainSigmas[numTrain - 1];
            sig = Schedules.karras(min, max, steps);
            float[] logSigmas = Schedules.logSigmas(trainSigmas);
            t = new double[sig.length];
            for (int i = 0; i < sig.length; i++) {
                double v = Schedules.sigmaToT(sig[i], logSigmas);
                t[i] = roundKarras ? Math.rint(v) : v;
            }
        } else {
            sig = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                sig[i] = Schedules.interp(t[i], trainSigmas);
            }
        }
        double last = 0.0;
        if (config.finalSigmasType() == SchedulerConfig.FinalSigmasType.SIGMA_MIN) {
            last = karras && karrasLastIsMin ? sig[sig.length - 1] : trainSigmas[0];
        }
        setSigmas(sig, last);
        float[] ts = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            ts[i] = (float) (long) t[i];
        }
        modelOutputs = new float[order][];
        lowerOrderNums = 0;
        return ts;
    }

    @Override
    public final float initNoiseSigma() {
        return 1f;
    }

    /** {alpha_t, sigma_t} of a sigma: alpha = 1 / sqrt(sigma^2 + 1), sigma_t = sigma * alpha (float32). */
    static float[] alphaSigma(float sigma) {
        float alpha = 1f / (float) Math.sqrt(sigma * sigma + 1f);
        return new float[] {alpha, sigma * alpha};
    }

    /** log-SNR lambda = log(alpha_t) - log(sigma_t) in float32. */
    static float lambda(float[] alphaSigma) {
        return (float) Math.log(alphaSigma[0]) - (float) Math.log(alphaSigma[1]);
    }

    /** The x0 prediction at schedule position {@code index} (data prediction of DPM-Solver++ and UniPC). */
    final float[] toX0(float[] m, float[] s, int index) {
        PredictionType p = config.predictionType();
        if (p == PredictionType.SAMPLE) {
            return m.clone();
        }
        float[] as = alphaSigma(sigmas[index]);
        float alpha = as[0];
        float sigma = as[1];
        float[] x0 = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            x0[i] = p == PredictionType.EPSILON ? (s[i] - sigma * m[i]) / alpha : alpha * s[i] - sigma * m[i];
        }
        return x0;
    }

    /** Shifts the history and stores the newest x0 prediction. */
    final void push(float[] x0) {
        System.arraycopy(modelOutputs, 1, modelOutputs, 0, order - 1);
        modelOutputs[order - 1] = x0;
    }

    /** The {@code back}-th newest stored prediction (0 = newest). */
    final float[] history(int back) {
        return modelOutputs[order - 1 - back];
    }

    @Override
    final float[] noiseCoefficients(float timestep) {
        float[] as = alphaSigma(sigmas[indexForNoise(timestep)]);
        return new float[] {as[0], as[1]};
    }
}
