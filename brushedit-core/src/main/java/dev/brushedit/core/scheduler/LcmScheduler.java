package dev.brushedit.core.scheduler;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.BetaSchedule;

/** diffusers' LCMScheduler (Luo et al. 2023): consistency-model multistep sampling. */
final class LcmScheduler extends AlphaScheduler {
    private final float finalAlphaCumprod;
    private final boolean clip;
    private final float clipRange;

    LcmScheduler(SchedulerConfig config) {
        super(SchedulerType.LCM, config, 0.00085, 0.012, BetaSchedule.SCALED_LINEAR, true);
        requireNoThresholding();
        finalAlphaCumprod = config.setAlphaToOneOr(true) ? 1f : alphasCumprod[0];
        clip = config.clipSampleOr(false);
        clipRange = (float) config.clipSampleRange();
    }

    @Override
    float[] computeSchedule(int steps) {
        int original = config.originalInferenceSteps();
        if (original > numTrain) {
            throw new InvalidInputException("original_inference_steps must be at most num_train_timesteps ("
                    + numTrain + "), was " + original);
        }
        if (steps > original) {
            throw new InvalidInputException("LCMScheduler: steps must be at most original_inference_steps ("
                    + original + "), was " + steps);
        }
        int k = numTrain / original;
        int len = original;
        float[] out = new float[steps];
        double stride = (double) len / steps;
        for (int i = 0; i < steps; i++) {
            int idx = (int) Math.floor(i * stride);
            // lcm_origin_timesteps = (1..original) * k - 1, reversed
            out[i] = (float) ((len - idx) * k - 1);
        }
        return out;
    }

    @Override
    boolean drawsNoise() {
        return true;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        float prevT = index + 1 < schedule.length ? schedule[index + 1] : t;
        float alphaT = alphaAt(t);
        float alphaPrev = prevT >= 0 ? alphaAt(prevT) : finalAlphaCumprod;
        float betaPrev = 1f - alphaPrev;
        float scaled = t * (float) config.timestepScaling();
        float cSkip = 0.25f / (scaled * scaled + 0.25f);
        float cOut = scaled / (float) Math.sqrt(scaled * scaled + 0.25f);
        float[] x0 = predictOriginal(m, s, alphaT, clip, clipRange);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = cOut * x0[i] + cSkip * s[i];
        }
        if (index != numInferenceSteps - 1) {
            float[] noise = draw(random, shape, s.length);
            float a = (float) Math.sqrt(alphaPrev);
            float b = (float) Math.sqrt(betaPrev);
            for (int i = 0; i < s.length; i++) {
                out[i] = a * out[i] + b * noise[i];
            }
        }
        return out;
    }
}
