package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;
import dev.brushedit.core.scheduler.SchedulerConfig.FinalSigmasType;

/** diffusers' DPMSolverMultistepScheduler with algorithm_type dpmsolver++ (Lu et al. 2022), orders 1 to 3. */
final class DpmSolverMultistepScheduler extends MultistepScheduler {
    private final boolean heun;

    DpmSolverMultistepScheduler(SchedulerConfig config) {
        super(SchedulerType.DPM_SOLVER_MULTISTEP, config);
        requireDefaults("use_lu_lambdas", "lambda_min_clipped");
        String v = config.varianceTypeOrNull();
        if ("learned".equals(v) || "learned_range".equals(v)) {
            throw unsupported("variance_type", "\"" + v + "\"", "null");
        }
        String solver = config.solverTypeOrNull();
        heun = "heun".equals(solver); // bh1, bh2 and logrho map to midpoint, as in diffusers
    }

    @Override
    float[] computeSchedule(int steps) {
        boolean round = config.betaScheduleOr(SchedulerConfig.BetaSchedule.LINEAR)
                != SchedulerConfig.BetaSchedule.SQUAREDCOS_CAP_V2;
        return buildSchedule(steps, round, false, null, null);
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        int n = schedule.length;
        boolean lowerFinal = index == n - 1 && (config.eulerAtFinal() || (config.lowerOrderFinal() && n < 15)
                || config.finalSigmasType() == FinalSigmasType.ZERO);
        boolean lowerSecond = index == n - 2 && config.lowerOrderFinal() && n < 15;
        push(toX0(m, s, index));
        float[] out;
        if (order == 1 || lowerOrderNums < 1 || lowerFinal) {
            out = firstOrder(s, index);
        } else if (order == 2 || lowerOrderNums < 2 || lowerSecond) {
            out = secondOrder(s, index);
        } else {
            out = thirdOrder(s, index);
        }
        if (lowerOrderNums < order) {
            lowerOrderNums++;
        }
        return out;
    }

    private float[] firstOrder(float[] x, int index) {
        float[] at = alphaSigma(sigmas[index + 1]);
        float[] as = alphaSigma(sigmas[index]);
        float h = lambda(at) - lambda(as);
        float c1 = at[1] / as[1];
        float c2 = at[0] * ((float) Math.exp(-h) - 1f);
        float[] m0 = history(0);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = c1 * x[i] - c2 * m0[i];
        }
        return out;
    }

    private float[] secondOrder(float[] x, int index) {
        float[] at = alphaSigma(sigmas[index + 1]);
        float[] as0 = alphaSigma(sigmas[index]);
        float[] as1 = alphaSigma(sigmas[index - 1]);
        float lt = lambda(at);
        float l0 = lambda(as0);
        float l1 = lambda(as1);
        float h = lt - l0;
        float h0 = l0 - l1;
        float r0 = h0 / h;
        float inv = 1f / r0;
        float e = (float) Math.exp(-h) - 1f;
        float c1 = at[1] / as0[1];
        float c2 = at[0] * e;
        float c3 = heun ? at[0] * (e / h + 1f) : 0.5f * (at[0] * e);
        float[] m0 = history(0);
        float[] m1 = history(1);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float d1 = inv * (m0[i] - m1[i]);
            out[i] = heun ? c1 * x[i] - c2 * m0[i] + c3 * d1 : c1 * x[i] - c2 * m0[i] - c3 * d1;
        }
        return out;
    }

    private float[] thirdOrder(float[] x, int index) {
        float[] at = alphaSigma(sigmas[index + 1]);
        float lt = lambda(at);
        float l0 = lambda(alphaSigma(sigmas[index]));
        float l1 = lambda(alphaSigma(sigmas[index - 1]));
        float l2 = lambda(alphaSigma(sigmas[index - 2]));
        float h = lt - l0;
        float r0 = (l0 - l1) / h;
        float r1 = (l1 - l2) / h;
        float inv0 = 1f / r0;
        float inv1 = 1f / r1;
        float w = r0 / (r0 + r1);
        float invSum = 1f / (r0 + r1);
        float e = (float) Math.exp(-h) - 1f;
        float c1 = at[1] / alphaSigma(sigmas[index])[1];
        float c2 = at[0] * e;
        float c3 = at[0] * (e / h + 1f);
        float c4 = at[0] * ((e + h) / (h * h) - 0.5f);
        float[] m0 = history(0);
        float[] m1 = history(1);
        float[] m2 = history(2);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float d10 = inv0 * (m0[i] - m1[i]);
            float d11 = inv1 * (m1[i] - m2[i]);
            float d1 = d10 + w * (d10 - d11);
            float d2 = invSum * (d10 - d11);
            out[i] = c1 * x[i] - c2 * m0[i] + c3 * d1 - c4 * d2;
        }
        return out;
    }
}
