package dev.brushedit.core.scheduler;

import dev.brushedit.core.random.RandomSource;

/**
 * diffusers' UniPCMultistepScheduler (Zhao et al. 2023) with predict_x0: a UniP predictor each
 * step and a UniC corrector on the previous step's result, B(h) of type bh1 or bh2.
 */
final class UniPcScheduler extends MultistepScheduler {
    private final boolean bh1;
    private final int[] disableCorrector;
    private float[] lastSample;
    private int thisOrder;

    UniPcScheduler(SchedulerConfig config) {
        super(SchedulerType.UNIPC, config);
        requireDefaults("predict_x0");
        if (config.otherKeys().get("solver_p") != null) {
            throw unsupported("solver_p", config.otherKeys().get("solver_p"), "null");
        }
        if (config.otherKeys().get("shift_terminal") != null) {
            throw unsupported("shift_terminal", config.otherKeys().get("shift_terminal"), "null");
        }
        bh1 = "bh1".equals(config.solverTypeOrNull()); // midpoint, heun and logrho map to bh2, as in diffusers
        disableCorrector = config.disableCorrector();
    }

    @Override
    float[] computeSchedule(int steps) {
        lastSample = null;
        return buildSchedule(steps, true, true, config.sigmaMinOrNull(), config.sigmaMaxOrNull());
    }

    @Override
    float[] stepArrays(float[] m, float t, float[] s, int index, RandomSource random, int[] shape) {
        boolean useCorrector = index > 0 && !disabled(index - 1) && lastSample != null;
        float[] x0 = toX0(m, s, index);
        float[] sample = s;
        if (useCorrector) {
            sample = corrector(x0, lastSample, s, index, thisOrder);
        }
        push(x0);
        int o = config.lowerOrderFinal() ? Math.min(order, schedule.length - index) : order;
        thisOrder = Math.min(o, lowerOrderNums + 1);
        lastSample = sample;
        float[] out = predictor(sample, index, thisOrder);
        if (lowerOrderNums < order) {
            lowerOrderNums++;
        }
        return out;
    }

    private boolean disabled(int i) {
        for (int d : disableCorrector) {
            if (d == i) {
                return true;
            }
        }
        return false;
    }

    /** rks, the D1s scaling, hh, h_phi_1, B(h) and the b vector for an update between two sigmas. */
    private final class Coefficients {
        final float[] rks;
        final float hPhi1;
        final float bH;
        final float[] b;

        Coefficients(float h, float[] rks) {
            this.rks = rks;
            float hh = -h;
            hPhi1 = (float) Math.expm1(hh);
            bH = bh1 ? hh : (float) Math.expm1(hh);
            int ord = rks.length;
            b = new float[ord];
            float hPhiK = hPhi1 / hh - 1f;
            long factorial = 1;
            for (int i = 1; i <= ord; i++) {
                b[i - 1] = hPhiK * factorial / bH;
                factorial *= i + 1;
                hPhiK = hPhiK / hh - (float) (1.0 / factorial);
            }
        }

        /** R = [rks^0; rks^1; ...] restricted to its first {@code n} rows and columns. */
        float[][] r(int n) {
            float[][] r = new float[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] = i == 0 ? 1f : i == 1 ? rks[j] : rks[j] * rks[j];
                }
            }
            return r;
        }
    }

    private float[] predictor(float[] x, int index, int ord) {
        float[] at = alphaSigma(sigmas[index + 1]);
        float[] as0 = alphaSigma(sigmas[index]);
        float l0 = lambda(as0);
        float h = lambda(at) - l0;
        float[] m0 = history(0);
        float[][] d1s = new float[ord - 1][];
        Coefficients c = new Coefficients(h, ratios(index, l0, h, ord, m0, d1s));
        float[] rhos = ord == 1 ? new float[0] : ord == 2 ? new float[] {0.5f}
                : solve(c.r(ord - 1), java.util.Arrays.copyOf(c.b, ord - 1));
        float c1 = at[1] / as0[1];
        float c2 = at[0] * c.hPhi1;
        float c3 = at[0] * c.bH;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float res = 0f;
            for (int k = 0; k < rhos.length; k++) {
                res = k == 0 ? rhos[0] * d1s[0][i] : res + rhos[k] * d1s[k][i];
            }
            // Without history terms diffusers subtracts alpha_t * B(h) * 0, which is NaN on the last
            // step of bh1 with final_sigmas_type "zero" (B(h) = -h = -inf); the term is absent here.
            out[i] = rhos.length == 0 ? c1 * x[i] - c2 * m0[i] : c1 * x[i] - c2 * m0[i] - c3 * res;
        }
        return out;
    }

    private float[] corrector(float[] modelT, float[] x, float[] xT, int index, int ord) {
        float[] at = alphaSigma(sigmas[index]);
        float[] as0 = alphaSigma(sigmas[index - 1]);
        float l0 = lambda(as0);
        float h = lambda(at) - l0;
        float[] m0 = history(0);
        float[][] d1s = new float[ord - 1][];
        Coefficients c = new Coefficients(h, ratios(index - 1, l0, h, ord, m0, d1s));
        float[] rhos = ord == 1 ? new float[] {0.5f} : solve(c.r(ord), c.b);
        float c1 = at[1] / as0[1];
        float c2 = at[0] * c.hPhi1;
        float c3 = at[0] * c.bH;
        float last = rhos[rhos.length - 1];
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float corr = 0f;
            for (int k = 0; k < ord - 1; k++) {
                corr = k == 0 ? rhos[0] * d1s[0][i] : corr + rhos[k] * d1s[k][i];
            }
            float d1t = modelT[i] - m0[i];
            out[i] = c1 * x[i] - c2 * m0[i] - c3 * (corr + last * d1t);
        }
        return out;
    }

    /**
     * rks = (lambda_si - lambda_s0) / h for the {@code ord - 1} sigmas before position {@code s0},
     * then 1; fills {@code d1s} with (m_i - m0) / rk.
     */
    private float[] ratios(int s0, float l0, float h, int ord, float[] m0, float[][] d1s) {
        float[] rks = new float[ord];
        for (int i = 1; i < ord; i++) {
            float rk = (lambda(alphaSigma(sigmas[s0 - i])) - l0) / h;
            rks[i - 1] = rk;
            float[] mi = history(i);
            float[] d = new float[m0.length];
            for (int j = 0; j < d.length; j++) {
                d[j] = (mi[j] - m0[j]) / rk;
            }
            d1s[i - 1] = d;
        }
        rks[ord - 1] = 1f;
        return rks;
    }

    /** Solves {@code a x = b} in float32 by LU with partial pivoting (LAPACK sgesv's order of operations). */
    static float[] solve(float[][] a, float[] b) {
        int n = b.length;
        float[][] m = new float[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        float[] x = b.clone();
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(m[i][k]) > Math.abs(m[p][k])) {
                    p = i;
                }
            }
            float[] row = m[k];
            m[k] = m[p];
            m[p] = row;
            float tmp = x[k];
            x[k] = x[p];
            x[p] = tmp;
            float recip = 1f / m[k][k];
            for (int i = k + 1; i < n; i++) {
                float l = m[i][k] * recip;
                for (int j = k + 1; j < n; j++) {
                    m[i][j] -= l * m[k][j];
                }
                x[i] -= l * x[k];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            float s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
