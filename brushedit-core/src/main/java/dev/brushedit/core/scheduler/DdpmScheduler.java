package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;
import dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing;

/** diffusers' DDPMScheduler (Ho et al. 2020) with the fixed variances. */
final class DdpmScheduler extends AlphaScheduler {
    private final boolean clip;
    private final float clipRange;
    private final String varianceType;

    DdpmScheduler(SchedulerConfig config) {
        super(SchedulerType.DDPM, config, 0.0001, 0.02, BetaSchedule.LINEAR, true);
        requireNoThresholding();
        String v = config.varianceTypeOrNull();
        varianceType = v == null ? "fixed_small" : v;
        if (!varianceType.equals("fixed_small") && !varianceType.equals("fixed_small_log")
                && !varianceType.equals("fixed_large")) {
            throw unsupported("variance_type", "\"" + varianceType + "\"", "fixed_small, fixed_small_log or fixed_large");
        }
        clip = config.clipSampleOr(true);
        clipRange = (float) config.clipSampleRange();
    }

    @Override
    float[] computeSchedule(int steps) {
        return descendingTimesteps(steps, TimestepSpacing.LEADING);
    }

    @Override
    boolean drawsNoise() {
        return true;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        float prevT = index == schedule.length - 1 ? -1 : schedule[index + 1];
        float alphaT = alphaAt(t);
        float alphaPrev = prevT >= 0 ? alphaAt(prevT) : 1f;
        float betaT = 1f - alphaT;
        float betaPrev = 1f - alphaPrev;
        float curAlpha = alphaT / alphaPrev;
        float curBeta = 1f - curAlpha;
        float[] x0 = predictOriginal(m, s, alphaT, clip, clipRange);
        float x0Coeff = (float) Math.sqrt(alphaPrev) * curBeta / betaT;
        float sampleCoeff = (float) Math.sqrt(curAlpha) * betaPrev / betaT;
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = x0Coeff * x0[i] + sampleCoeff * s[i];
        }
        if (t > 0) {
            float[] noise = draw(random, shape, s.length);
            float variance = Math.max((1f - alphaPrev) / (1f - alphaT) * curBeta, 1e-20f);
            float scale;
            if (varianceType.equals("fixed_small")) {
                scale = (float) Math.sqrt(variance);
            } else if (varianceType.equals("fixed_small_log")) {
                scale = (float) Math.exp(0.5f * (float) Math.log(variance));
            } else {
                scale = (float) Math.sqrt(curBeta);
            }
            for (int i = 0; i < s.length; i++) {
                out[i] = out[i] + scale * noise[i];
            }
        }
        return out;
    }
}
