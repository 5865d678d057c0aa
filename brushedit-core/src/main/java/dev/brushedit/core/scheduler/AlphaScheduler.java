package dev.brushedit.core.scheduler;

import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;

/** Schedulers that work on cumulative alphas at integer training timesteps (DDIM, PNDM, LCM, DDPM). */
abstract class AlphaScheduler extends AbstractScheduler {
    /** alphas_cumprod in float32, indexed by training timestep. */
    final float[] alphasCumprod;

    AlphaScheduler(SchedulerType type, SchedulerConfig config, double defaultBetaStart, double defaultBetaEnd,
            BetaSchedule defaultSchedule, boolean readsRescale) {
        super(type, config);
        this.alphasCumprod = Schedules.alphasCumprod(config, defaultBetaStart, defaultBetaEnd, defaultSchedule,
                readsRescale);
    }

    @Override
    public final float[] sigmas() {
        return new float[0];
    }

    @Override
    public float initNoiseSigma() {
        return 1f;
    }

    /** alphas_cumprod at an integer training timestep, checked. */
    final float alphaAt(float timestep) {
        return alphasCumprod[Schedules.trainIndex(timestep, numTrain)];
    }

    @Override
    final float[] noiseCoefficients(float timestep) {
        float a = alphaAt(timestep);
        return new float[] {(float) Math.sqrt(a), (float) Math.sqrt(1f - a)};
    }

    /**
     * The predicted clean sample x0 from the model output at cumulative alpha {@code alphaT},
     * optionally clipped, in float32 as diffusers computes it; written into a new array.
     */
    final float[] predictOriginal(float[] m, float[] s, float alphaT, boolean clip, float clipRange) {
        float betaT = 1f - alphaT;
        float sa = (float) Math.sqrt(alphaT);
        float sb = (float) Math.sqrt(betaT);
        float[] x0 = new float[s.length];
        PredictionType p = config.predictionType();
        for (int i = 0; i < s.length; i++) {
            float v;
            if (p == PredictionType.EPSILON) {
                v = (s[i] - sb * m[i]) / sa;
            } else if (p == PredictionType.V_PREDICTION) {
                v = sa * s[i] - sb * m[i];
            } else {
                v = m[i];
            }
            x0[i] = clip ? Math.max(-clipRange, Math.min(clipRange, v)) : v;
        }
        return x0;
    }

    /** Descending integer timesteps with the spacing rules of DDIM and DDPM. */
    final float[] descendingTimesteps(int steps, SchedulerConfig.TimestepSpacing defaultSpacing) {
        double[] t = Schedules.spacedTimesteps(config.timestepSpacingOr(defaultSpacing), numTrain, steps,
                config.stepsOffset(), true);
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = (float) t[i];
        }
        return out;
    }
}
