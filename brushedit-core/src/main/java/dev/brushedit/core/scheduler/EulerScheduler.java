package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.FinalSigmasType;

/** diffusers' EulerDiscreteScheduler (Karras et al. 2022, Algorithm 2 without churn). */
final class EulerScheduler extends SigmaScheduler {

    EulerScheduler(SchedulerConfig config) {
        super(SchedulerType.EULER, config, 0.0001, 0.02, true);
        requireDefaults("use_exponential_sigmas", "use_beta_sigmas", "interpolation_type", "timestep_type");
    }

    @Override
    float[] computeSchedule(int steps) {
        double[][] base = baseSchedule(steps, config.useKarrasSigmas(), config.sigmaMinOrNull(),
                config.sigmaMaxOrNull());
        double last = config.finalSigmasType() == FinalSigmasType.SIGMA_MIN ? trainSigmas[0] : 0.0;
        return finish(base, last);
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        float sigma = sigmas[index];
        float[] x0 = denoised(m, s, sigma);
        float dt = sigmas[index + 1] - sigma;
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            float derivative = (s[i] - x0[i]) / sigma;
            out[i] = s[i] + derivative * dt;
        }
        return out;
    }
}
