package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import java.util.ArrayList;
import java.util.List;

/** diffusers' LMSDiscreteScheduler: linear multistep of order up to 4 on the derivative history. */
final class LmsScheduler extends SigmaScheduler {
    private static final int ORDER = 4;
    /** 3-point Gauss-Legendre nodes and weights on [-1, 1]: exact for the cubic LMS integrands. */
    private static final double[] NODES = {-Math.sqrt(0.6), 0.0, Math.sqrt(0.6)};
    private static final double[] WEIGHTS = {5.0 / 9, 8.0 / 9, 5.0 / 9};

    private final List<float[]> derivatives = new ArrayList<>();

    LmsScheduler(SchedulerConfig config) {
        super(SchedulerType.LMS, config, 0.0001, 0.02, false);
        requireDefaults("use_exponential_sigmas", "use_beta_sigmas");
    }

    @Override
    float[] computeSchedule(int steps) {
        derivatives.clear();
        return finish(baseSchedule(steps, config.useKarrasSigmas(), null, null), 0.0);
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        float sigma = sigmas[index];
        float[] x0 = denoised(m, s, sigma);
        float[] derivative = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            derivative[i] = (s[i] - x0[i]) / sigma;
        }
        derivatives.add(derivative);
        if (derivatives.size() > ORDER) {
            derivatives.remove(0);
        }
        int order = Math.min(index + 1, ORDER);
        int terms = Math.min(order, derivatives.size());
        float[] acc = new float[s.length];
        for (int k = 0; k < terms; k++) {
            float coeff = (float) coefficient(order, index, k);
            float[] d = derivatives.get(derivatives.size() - 1 - k);
            for (int i = 0; i < s.length; i++) {
                acc[i] = k == 0 ? coeff * d[i] : acc[i] + coeff * d[i];
            }
        }
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] + acc[i];
        }
        return out;
    }

    /** Integral from sigma_t to sigma_{t+1} of the Lagrange basis polynomial {@code current} of the last {@code order} sigmas. */
    private double coefficient(int order, int t, int current) {
        double a = sigmas[t];
        double b = sigmas[t + 1];
        double half = (b - a) / 2;
        double mid = (a + b) / 2;
        double sum = 0;
        for (int q = 0; q < NODES.length; q++) {
            double tau = mid + half * NODES[q];
            double prod = 1.0;
            for (int k = 0; k < order; k++) {
                if (k != current) {
                    prod *= (tau - sigmas[t - k]) / ((double) sigmas[t - current] - sigmas[t - k]);
                }
            }
            sum += WEIGHTS[q] * prod;
        }
        return sum * half;
    }
}
