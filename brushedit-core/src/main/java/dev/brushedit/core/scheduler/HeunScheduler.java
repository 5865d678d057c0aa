package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;

/**
 * diffusers' HeunDiscreteScheduler (Karras et al. 2022, Algorithm 1): each step is an Euler
 * prediction and a trapezoidal correction, two model evaluations; the schedule lists every
 * intermediate timestep, so {@link #timesteps()} has {@code 2 * steps - 1} entries.
 */
final class HeunScheduler extends SigmaScheduler {
    private final boolean clip;
    private final float clipRange;
    private float[] prevDerivative;
    private float dt;
    private float[] firstSample;

    HeunScheduler(SchedulerConfig config) {
        super(SchedulerType.HEUN, config, 0.00085, 0.012, false);
        requireDefaults("use_exponential_sigmas", "use_beta_sigmas");
        clip = config.clipSampleOr(false);
        clipRange = (float) config.clipSampleRange();
    }

    @Override
    public int modelEvaluationsPerStep() {
        return 2;
    }

    @Override
    float[] computeSchedule(int steps) {
        float[] ts = finish(baseSchedule(steps, config.useKarrasSigmas(), null, null), 0.0);
        int n = ts.length;
        float[] single = sigmas;
        // sigmas: [s0, s1, s1, ..., s(n-1), s(n-1), 0]; timesteps: [t0, t1, t1, ..., t(n-1), t(n-1)]
        float[] sig = new float[2 * n];
        float[] out = new float[2 * n - 1];
        sig[0] = single[0];
        out[0] = ts[0];
        for (int i = 1; i < n; i++) {
            sig[2 * i - 1] = single[i];
            sig[2 * i] = single[i];
            out[2 * i - 1] = ts[i];
            out[2 * i] = ts[i];
        }
        sig[2 * n - 1] = single[n];
        sigmas = sig;
        prevDerivative = null;
        firstSample = null;
        return out;
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        boolean first = prevDerivative == null;
        float sigma = first ? sigmas[index] : sigmas[index - 1];
        float sigmaNext = first ? sigmas[index + 1] : sigmas[index];
        float[] x0 = denoised(m, s, first ? sigma : sigmaNext);
        if (clip) {
            for (int i = 0; i < x0.length; i++) {
                x0[i] = Math.max(-clipRange, Math.min(clipRange, x0[i]));
            }
        }
        float[] out = new float[s.length];
        if (first) {
            float[] d = new float[s.length];
            float step = sigmaNext - sigma;
            for (int i = 0; i < s.length; i++) {
                d[i] = (s[i] - x0[i]) / sigma;
                out[i] = s[i] + d[i] * step;
            }
            prevDerivative = d;
            dt = step;
            firstSample = s;
        } else {
            for (int i = 0; i < s.length; i++) {
                float d = (s[i] - x0[i]) / sigmaNext;
                d = (prevDerivative[i] + d) / 2f;
                out[i] = firstSample[i] + d * dt;
            }
            prevDerivative = null;
            firstSample = null;
        }
        return out;
    }
}
