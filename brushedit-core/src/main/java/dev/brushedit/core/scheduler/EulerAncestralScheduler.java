package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.PredictionType;

/** diffusers' EulerAncestralDiscreteScheduler: an Euler step to sigma_down plus fresh noise of sigma_up. */
final class EulerAncestralScheduler extends SigmaScheduler {

    EulerAncestralScheduler(SchedulerConfig config) {
        super(SchedulerType.EULER_ANCESTRAL, config, 0.0001, 0.02, true);
        requirePrediction(PredictionType.EPSILON, PredictionType.V_PREDICTION);
    }

    @Override
    float[] computeSchedule(int steps) {
        return finish(baseSchedule(steps, false, null, null), 0.0);
    }

    @Override
    boolean drawsNoise() {
        return true;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        float sigma = sigmas[index];
        float[] x0 = denoised(m, s, sigma);
        float to = sigmas[index + 1];
        float up = (float) Math.sqrt(to * to * (sigma * sigma - to * to) / (sigma * sigma));
        float down = (float) Math.sqrt(to * to - up * up);
        float dt = down - sigma;
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            float derivative = (s[i] - x0[i]) / sigma;
            out[i] = s[i] + derivative * dt;
        }
        float[] noise = draw(random, shape, s.length);
        for (int i = 0; i < s.length; i++) {
            out[i] = out[i] + noise[i] * up;
        }
        return out;
    }
}
