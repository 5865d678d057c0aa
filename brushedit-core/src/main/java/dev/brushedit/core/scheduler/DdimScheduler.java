package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;

/** diffusers' DDIMScheduler (Song et al. 2020), with eta from the config. */
final class DdimScheduler extends AlphaScheduler {
    private final float finalAlphaCumprod;
    private final boolean clip;
    private final float clipRange;
    private final float eta;

    DdimScheduler(SchedulerConfig config) {
        super(SchedulerType.DDIM, config, 0.0001, 0.02, BetaSchedule.LINEAR, true);
        requireNoThresholding();
        finalAlphaCumprod = config.setAlphaToOneOr(true) ? 1f : alphasCumprod[0];
        clip = config.clipSampleOr(true);
        clipRange = (float) config.clipSampleRange();
        eta = (float) config.eta();
    }

    @Override
    float[] computeSchedule(int steps) {
        return descendingTimesteps(steps, TimestepSpacing.LEADING);
    }

    @Override
    boolean drawsNoise() {
        return eta > 0;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        int prevT = (int) t - numTrain / numInferenceSteps;
        float alphaT = alphaAt(t);
        float alphaPrev = prevT >= 0 ? alphasCumprod[prevT] : finalAlphaCumprod;
        float betaT = 1f - alphaT;
        float[] x0 = predictOriginal(m, s, alphaT, clip, clipRange);
        float[] eps = m;
        if (config.predictionType() != SchedulerConfig.PredictionType.EPSILON) {
            float sa = (float) Math.sqrt(alphaT);
            float sb = (float) Math.sqrt(betaT);
            eps = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                eps[i] = config.predictionType() == SchedulerConfig.PredictionType.V_PREDICTION
                        ? sa * m[i] + sb * s[i]
                        : (s[i] - sa * m[i]) / sb;
            }
        }
        float betaPrev = 1f - alphaPrev;
        float variance = betaPrev / betaT * (1f - alphaT / alphaPrev);
        float std = eta * (float) Math.sqrt(variance);
        float dirCoeff = (float) Math.sqrt(1f - alphaPrev - std * std);
        float x0Coeff = (float) Math.sqrt(alphaPrev);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = x0Coeff * x0[i] + dirCoeff * eps[i];
        }
        if (eta > 0) {
            float[] noise = draw(random, shape, s.length);
            for (int i = 0; i < s.length; i++) {
                out[i] = out[i] + std * noise[i];
            }
        }
        return out;
    }
}
