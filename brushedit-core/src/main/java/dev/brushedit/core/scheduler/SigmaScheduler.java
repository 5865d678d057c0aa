package dev.brushedit.core.scheduler;

import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;
import dev.brushedit.core.tensor.Tensor;

/**
 * The k-diffusion style schedulers (Euler, Euler ancestral, LMS, Heun): the sample lives at noise
 * level sigma, the model input is scaled by 1 / sqrt(sigma^2 + 1), and add_noise adds sigma * noise.
 */
abstract class SigmaScheduler extends AbstractScheduler {
    /** Training sigmas ((1 - a) / a) ** 0.5 in float32, by training timestep. */
    final float[] trainSigmas;

    SigmaScheduler(SchedulerType type, SchedulerConfig config, double defaultBetaStart, double defaultBetaEnd,
            boolean readsRescale) {
        super(type, config);
        float[] ac = Schedules.alphasCumprod(config, defaultBetaStart, defaultBetaEnd, BetaSchedule.LINEAR,
                readsRescale);
        if (readsRescale && config.rescaleBetasZeroSnr()) {
            ac[ac.length - 1] = (float) Math.pow(2, -24);
        }
        this.trainSigmas = Schedules.sigmasFromAlphasCumprod(ac);
    }

    /**
     * Timesteps (float32) and sigmas (float64, without the final one) of diffusers' k-diffusion
     * set_timesteps: spaced timesteps, sigmas interpolated from the training sigmas, then
     * optionally Karras sigmas with their fractional timesteps.
     */
    final double[][] baseSchedule(int steps, boolean karras, Double sigmaMinOverride, Double sigmaMaxOverride) {
        TimestepSpacing spacing = config.timestepSpacingOr(TimestepSpacing.LINSPACE);
        double[] t = Schedules.spacedTimesteps(spacing, numTrain, steps, config.stepsOffset(), false);
        double[] sig = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) t[i];
            sig[i] = Schedules.interp(t[i], trainSigmas);
        }
        if (karras) {
            double min = sigmaMinOverride != null ? sigmaMinOverride : sig[sig.length - 1];
            double max = sigmaMaxOverride != null ? sigmaMaxOverride : sig[0];
            sig = Schedules.karras(min, max, steps);
            float[] logSigmas = Schedules.logSigmas(trainSigmas);
            t = new double[sig.length];
            for (int i = 0; i < sig.length; i++) {
                t[i] = Schedules.sigmaToT(sig[i], logSigmas);
            }
        }
        return new double[][] {t, sig};
    }

    /** float32 copies of timesteps, and of sigmas with {@code last} appended. */
    final float[] finish(double[][] base, double last) {
        setSigmas(base[1], last);
        float[] ts = new float[base[0].length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = (float) base[0][i];
        }
        return ts;
    }

    @Override
    public final float initNoiseSigma() {
        requireSchedule("initNoiseSigma");
        float max = 0f;
        for (float s : sigmas) {
            max = Math.max(max, s);
        }
        TimestepSpacing spacing = config.timestepSpacingOr(TimestepSpacing.LINSPACE);
        return spacing == TimestepSpacing.LEADING ? (float) Math.sqrt(max * max + 1f) : max;
    }

    @Override
    final Tensor scale(Tensor sample, int index) {
        float sigma = sigmas[index];
        float d = (float) Math.sqrt(sigma * sigma + 1f);
        float[] x = sample.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] / d;
        }
        return Tensor.of(x, sample.shape());
    }

    @Override
    final float[] noiseCoefficients(float timestep) {
        return new float[] {1f, sigmas[indexForNoise(timestep)]};
    }

    /** The k-diffusion x0 estimate at noise level {@code sigma} (epsilon, v or sample prediction). */
    final float[] denoised(float[] m, float[] s, float sigma) {
        float[] x0 = new float[s.length];
        PredictionType p = config.predictionType();
        if (p == PredictionType.EPSILON) {
            for (int i = 0; i < s.length; i++) {
                x0[i] = s[i] - sigma * m[i];
            }
        } else if (p == PredictionType.V_PREDICTION) {
            float c1 = -sigma / (float) Math.sqrt(sigma * sigma + 1f);
            float c2 = sigma * sigma + 1f;
            for (int i = 0; i < s.length; i++) {
                x0[i] = m[i] * c1 + s[i] / c2;
            }
        } else {
            System.arraycopy(m, 0, x0, 0, s.length);
        }
        return x0;
    }
}
